# French dates: "6 déc. 2026, 22:01" (abbreviated months with their French full stop).
SHORT_DATETIME_FORMAT = "j N Y, H:i"
