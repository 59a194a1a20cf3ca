"""Streamlit building blocks shared by the pages; the logic they draw lives in the streamlit-free views/."""
