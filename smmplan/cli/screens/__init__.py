"""What the terminal shows of a month: the grid and agenda, stats, holidays (rich renderables)."""
