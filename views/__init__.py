"""Pure helpers for the dashboard: store in, DataFrames and figures out, no streamlit here."""
