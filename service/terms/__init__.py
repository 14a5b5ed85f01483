"""Reuse terms: what a page's publisher allows, forbids and requires (see model.py for the shape)."""
