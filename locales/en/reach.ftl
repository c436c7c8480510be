## Private reminders

reach-button = 🔔 Get private reminders
