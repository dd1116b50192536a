"""From a checked calendar and a window to dated posts: slots, drafts, observances, themes."""
