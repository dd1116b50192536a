"""Reading calendars: YAML with positions, fragments, the schema and the checks across entries."""
