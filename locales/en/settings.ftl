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
settings-line-reason = • Time to give a reason for an absence (after it, the absence counts as without reason): { $value }
settings-line-escalate = • Tell the assigner and the secretary about an overdue task: { $value }
settings-line-attendance = • The monthly digest flags a cell when its attendance is below: { $value }
settings-line-reviewrate = • The monthly digest flags a cell when its self-review submission rate is below: { $value }
settings-line-absentees = • The monthly digest flags a cell when members with repeated absence reach: { $value }
settings-line-names = • Name members in the digest posted to the committee chat: { $value }
settings-line-backup = • Daily data backup: { $value }
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
settings-reason-value = { $duration } after the register is closed
settings-escalate-value = after { $n ->
        [one] { $n } day
       *[other] { $n } days
    } overdue
settings-percent-value = { $n }%
settings-absentees-value = { $n ->
        [one] { $n } member
       *[other] { $n } members
    }
settings-names-on = yes
settings-names-off = no (names go only to the cell's secretary)
settings-backup-value = at { $time }
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
    /settings reason 48h (time to give a reason for an absence)
    /settings escalate 3 (days overdue before telling)
    /settings lang en
    /settings tz Asia/Ho_Chi_Minh
    Write “reset” instead of a value to use the organisation's setting again, for example /settings quiet reset.
settings-help-org =
    Common settings apply to every cell that has not set its own. Tap a button below to change a setting, or type a command, for example:
    /settings org quiet 22:00-06:00
    /settings org reminders 3d,1d,2h (3 days, 1 day, 2 hours)
    /settings org threshold 4
    /settings org digest 1 08:00
    /settings org attendance 70 (lowest attendance rate, %)
    /settings org reviewrate 50 (lowest self-review rate, %)
    /settings org absentees 2 (members with repeated absence)
    /settings org names off (no names in the committee chat)
    /settings org backup 02:00 (daily backup time)
    /settings org lang vi
    /settings org tz Asia/Ho_Chi_Minh
settings-saved = ✅ Change saved.
settings-unchanged = This setting already has that value; nothing changed.
settings-button-quiet = 🌙 Quiet hours
settings-button-reminders = ⏰ Reminders
settings-button-threshold = 📋 Absence threshold
settings-button-tz = 🕐 Time zone
settings-button-digest = 📊 Monthly digest
settings-button-reason = ⏳ Reason window
settings-button-escalate = 📌 Overdue tasks
settings-button-see-all = See all settings
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
settings-menu-reason = After a meeting, an absent member has this long to give a reason; only then does the absence count as without reason and the secretary is told. Choose:
settings-menu-escalate = When a task is this many days overdue and not done, the assistant tells its assigner and the secretary privately. Choose:
settings-menu-digest = Choose the day and time the monthly digest (for the previous month) is posted to the committee chat:
settings-menu-tz = To change the time zone, type /settings tz followed by its international name, for example /settings tz Asia/Ho_Chi_Minh (Vietnam) or /settings tz Asia/Bangkok.
settings-error-unknown-key = I don't know the setting “{ $given }”. You can change: lang (language), tz (time zone), quiet (quiet hours), reminders (meeting reminders), threshold (absence threshold), reason (time to give a reason), escalate (overdue tasks), review (self-review); common settings only: digest (monthly digest), attendance, reviewrate, absentees, names, backup. Type /settings to see them with buttons.
settings-error-missing-value = Please write the new value after the setting's name, for example /settings threshold 4. Type /settings to see the settings with buttons.
settings-error-language = “{ $given }” is not a language the assistant supports. Please choose vi (Tiếng Việt) or en (English). Nothing was changed.
settings-error-timezone = “{ $given }” is not a valid time zone name. Please write it as Region/City, for example Asia/Ho_Chi_Minh or Asia/Bangkok. Nothing was changed.
settings-error-quiet = “{ $given }” is not a valid quiet-hours period. Please write a start and an end time, for example 22:00-06:00, or “off” to turn quiet hours off. Nothing was changed.
settings-error-quiet-same = Quiet hours cannot start and end at the same time; for example 22:00-06:00. Nothing was changed.
settings-error-reminders = “{ $given }” is not valid. Please write 1 to 5 reminder times separated by commas, each between 15 minutes (15m) and 14 days (14d), for example 3d,1d,2h. Nothing was changed.
settings-error-threshold = The absence threshold must be a number from 1 to 12, for example /settings threshold 3. Nothing was changed.
settings-error-review = “{ $given }” is not valid. Please write a day (1 to 28) and then a time, for example /settings review 25 19:00, or /settings review off to turn it off. Nothing was changed.
settings-error-digest = “{ $given }” is not valid. Please write a day (1 to 28) and then a time, for example /settings org digest 1 08:00. Nothing was changed.
settings-error-org-only = This is a common setting of the organisation (monthly digest, backup); a committee admin changes it with /settings org { $name } in a private chat with the assistant. Nothing was changed.
settings-error-reason = “{ $given }” is not valid. Please write a number of hours from 1 to 336 (14 days), for example /settings reason 48 or /settings reason 2d. Nothing was changed.
settings-error-escalate = “{ $given }” is not valid. Please write a number of days from 1 to 30, for example /settings escalate 3. Nothing was changed.
settings-error-attendance = “{ $given }” is not valid. Please write a percentage from 0 to 100, for example /settings org attendance 70. Nothing was changed.
settings-error-reviewrate = “{ $given }” is not valid. Please write a percentage from 0 to 100, for example /settings org reviewrate 50. Nothing was changed.
settings-error-absentees = “{ $given }” is not valid. Please write a number of members from 1 to 50, for example /settings org absentees 2. Nothing was changed.
settings-error-names = “{ $given }” is not valid. Please write “on” to name members or “off” not to, for example /settings org names off. Nothing was changed.
settings-error-backup = “{ $given }” is not a valid time. Please write the backup time, for example /settings org backup 02:00. Nothing was changed.
settings-error-backup-postgres = With a PostgreSQL database, backups are made by the database server's own tools (pg_dump); the assistant makes none, so there is no backup time to set. Nothing was changed.
settings-error-reset-org = Only a cell's own settings can go back to the organisation's. For common settings, please write a new value. Nothing was changed.

## Command descriptions

cmd-settings = Reminders, quiet hours and language
