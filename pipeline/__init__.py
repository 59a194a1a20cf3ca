"""Preprocessing pipeline: a folder of news articles in, a dated, attributed store out.

Kept import-light on purpose: the dashboard imports ``pipeline.schema`` and must not pay
for NLP libraries.
"""
