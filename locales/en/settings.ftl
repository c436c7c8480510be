## Settings (/settings)

settings-title-cell = ⚙️ Settings of { $name }
settings-title-org = ⚙️ Common settings of { $name }
settings-line-language = • Language: { $value }
settings-line-timezone = • Time zone: { $value }
settings-line-quiet = • Quiet hours: { $value }
settings-line-reminders = • Meeting reminders: { $value }
settings-line-threshold = • Tell the secretary privately about absences without reason: { $value }
settings-line-review = • Monthly self-review: { $value }
settings-line-digest = • Monthly digest to the committee: { $value }
settings-inherited = (organisation's setting)
settings-language-vi = Tiếng Việt
settings-language-en = English
settings-quiet-range = from { $start } to { $end }; private reminders in this period wait until morning
settings-quiet-off = off; private reminders are sent at any hour
settings-reminders-value = { $list } before the meeting
settings-threshold-value = from { $n ->
        [one] { $n } absence
       *[other] { $n } absences
    } in a year
settings-review-value = opens on day { $day } of each month at { $time }
settings-review-off = off
settings-digest-value = on day { $day } of each month at { $time }
settings-duration = { $unit ->
        [days] { $n ->
            [one] { $n } day
           *[other] { $n } days
        }
        [hours] { $n ->
            [one] { $n } hour
           *[other] { $n } hours
        }
       *[minutes] { $n ->
            [one] { $n } minute
           *[other] { $n } minutes
        }
    }
settings-list-and = and
settings-help-cell =
    Tap a button below to change a setting, or type a command, for example:
    /settings quiet 22:00-06:00
    /settings reminders 3d,1d,2h (3 days, 1 day, 2 hours)
    /settings threshold 4
    /settings lang en
    /settings tz Asia/Ho_Chi_Minh
    Write “reset” instead of a value to use the organisation's setting again, for example /settings quiet reset.
settings-help-org =
    Common settings apply to every cell that has not set its own. Tap a button below to change a setting, or type a command, for example:
    /settings org quiet 22:00-06:00
    /settings org reminders 3d,1d,2h (3 days, 1 day, 2 hours)
    /settings org threshold 4
    /settings org digest 1 08:00
    /settings org lang vi
    /settings org tz Asia/Ho_Chi_Minh
settings-saved = ✅ Change saved.
settings-unchanged = This setting already has that value; nothing changed.
settings-button-quiet = 🌙 Quiet hours
settings-button-reminders = ⏰ Reminders
settings-button-threshold = 📋 Absence threshold
settings-button-tz = 🕐 Time zone
settings-button-digest = 📊 Monthly digest
settings-button-back = « Back
settings-button-inherit = ↩️ Use the organisation's setting
settings-button-inherit-language = ↩️ Organisation's language
settings-button-off = Off
settings-button-times = { $n ->
        [one] { $n } time
       *[other] { $n } times
    }
settings-button-digest-preset = Day { $day }, { $time }
settings-menu-quiet = During quiet hours the assistant sends no private messages to members; reminders wait until quiet hours end. Choose the period:
settings-menu-reminders = Choose when members are reminded before a cell meeting:
settings-menu-threshold = The assistant tells the secretary privately when a member has been absent without a valid reason this many times in a year. Choose:
settings-menu-digest = Choose the day and time the monthly digest (for the previous month) is posted to the committee chat:
settings-menu-tz = To change the time zone, type /settings tz followed by its international name, for example /settings tz Asia/Ho_Chi_Minh (Vietnam) or /settings tz Asia/Bangkok.
settings-error-unknown-key = I don't know the setting “{ $given }”. You can change: lang (language), tz (time zone), quiet (quiet hours), reminders (meeting reminders), threshold (absence threshold), digest (monthly digest, common settings only). Type /settings to see them with buttons.
settings-error-missing-value = Please write the new value after the setting's name, for example /settings threshold 4. Type /settings to see the settings with buttons.
settings-error-language = “{ $given }” is not a language the assistant supports. Please choose vi (Tiếng Việt) or en (English). Nothing was changed.
settings-error-timezone = “{ $given }” is not a valid time zone name. Please write it as Region/City, for example Asia/Ho_Chi_Minh or Asia/Bangkok. Nothing was changed.
settings-error-quiet = “{ $given }” is not a valid quiet-hours period. Please write a start and an end time, for example 22:00-06:00, or “off” to turn quiet hours off. Nothing was changed.
settings-error-quiet-same = Quiet hours cannot start and end at the same time; for example 22:00-06:00. Nothing was changed.
settings-error-reminders = “{ $given }” is not valid. Please write 1 to 5 reminder times separated by commas, each between 15 minutes (15m) and 14 days (14d), for example 3d,1d,2h. Nothing was changed.
settings-error-threshold = The absence threshold must be a number from 1 to 12, for example /settings threshold 3. Nothing was changed.
settings-error-review = “{ $given }” is not valid. Please write a day (1 to 28) and then a time, for example /settings review 25 19:00, or /settings review off to turn it off. Nothing was changed.
settings-error-digest = “{ $given }” is not valid. Please write a day (1 to 28) and then a time, for example /settings org digest 1 08:00. Nothing was changed.
settings-error-org-only = The monthly digest schedule is a common setting of the organisation; a committee admin changes it with /settings org digest in a private chat with the assistant. Nothing was changed.
settings-error-reset-org = Only a cell's own settings can go back to the organisation's. For common settings, please write a new value. Nothing was changed.

## Command descriptions

cmd-settings = Reminders, quiet hours and language
