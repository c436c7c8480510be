## /start

start-welcome =
    Welcome, comrade { $name }!
    I am the Party Cell Assistant. I will send you meeting schedules, your tasks and the cell's feedback questions privately.
    Each step takes one or two taps. Type /help for guidance and /me to see your details.
start-welcome-back = Welcome back, comrade { $name }. I can message you privately again. Type /me to see your details.
start-in-group = Greetings, comrades! To receive private reminders, each of you should tap the assistant's name and choose “Start”.

## /help

help-header = How to use the Party Cell Assistant
help-short-stranger =
    /me — your details
    /lang — change language (Tiếng Việt / English)
    When your cell's secretary sends an invitation, tap the button to join.
help-short-member =
    /me — your details: the next meeting, your tasks
    /meetings — the cell's meetings
    /tasks — the cell's tasks
    When a message has buttons, just tap the one that fits.
help-short-leader =
    /checkin <member> — check in a member of your group who has no smartphone, while attendance is open
    /meetings — the cell's meetings
    /task — give a task to members of your group
    /me — your details
help-short-secretary =
    /meeting <date> <time> — announce a meeting (type /meeting alone to be walked through it)
    /meetings — the cell's meetings; /agenda — who prepares each part
    /checkin — open attendance; /close_meeting — close the meeting and freeze attendance
    /members — the cell's members; /invite — invite members
    /settings — the cell's settings
help-short-admin =
    /register_cell <cell name> — register a group chat as a cell (type it in the group)
    /report — the organisation's monthly report
    /admins — list the admins
    /settings org — the organisation's settings (private chat)
help-button-more = More
help-leader =
    For party group leaders:
    /checkin <member> — check in a member of your group who has no smartphone, while attendance is open
    /task — give a task to members of your group; /edit_task, /cancel_task — change or cancel a task you gave
help-member =
    /me — your details: cells and roles
    /lang — change language (Tiếng Việt / English)
    /help — show this guide again
    When a message has buttons, just tap the one that fits.
help-admin =
    For committee admins:
    /register_cell <cell name> — register a group chat (type it in the group) as a cell
    /register_committee — register the group or channel that receives the committee's reports
    /org_name <name> — name the organisation
    /add_admin — add an admin (reply to their message, or give their Telegram id)
    /remove_admin — remove an admin who was added with /add_admin
    /admins — list the admins
    /export_member <id or @username> — export everything stored about a person (private chat)
    /erase_member <id or @username> — erase a person's personal data (private chat)
    /settings org — the organisation's settings (private chat)
help-cell =
    /members — the cell's members
    /groups — the cell's party groups
    /meetings — the cell's meetings; /agenda — a meeting's agenda and who prepares each part
help-secretary =
    For cell secretaries and deputies:
    /members — members with role, status, party group and private reminders
    /role <member> <role> — set a role: secretary, deputy, committee, group leader, member
    /status <member> <status> — set a status: official, probationary, exempt
    /group — create party groups, set the leader, add or remove members; /groups — list them
    /invite — invite members to join the cell on the assistant
    /import — import the member roster from a CSV or Excel file
    /settings — reminders, quiet hours and language of the cell
    /meeting <date> <time> [| <place>] [| <title>] — announce a meeting, e.g. /meeting 04/12 19:30 | Neighbourhood 1 hall; /meeting alone walks you through it
    /meeting_schedule monthly <day> <time> [| <place>] — a regular meeting every month; /meeting_schedule off to stop it
    /move_meeting #<number> <date> <time>, /cancel_meeting #<number> — move or cancel a meeting
    /agenda #<number> <member> <item> — ask a member to prepare part of the meeting
    /opinions [#<number>] — read the points members sent before the meeting (sent to you privately)
    /checkin — open attendance; /checkin <member> — check in someone without a smartphone
    /close_meeting [conclusions] — close the meeting, freeze attendance, keep the conclusions; /attendance — correct attendance afterwards
    Name a member by @username, by their number in /members (e.g. #3), or by replying to their message.

## /lang

lang-choose = Choose your language:
lang-changed = Switched to English.
lang-unknown = “{ $given }” is not a supported language. Choose vi (Tiếng Việt) or en (English).
lang-group-secretary-only = Only the cell’s secretary or deputy, or a committee admin, can change the group’s language. You can choose your own language with /lang in a private chat with the assistant.
cancel-done = Done. The assistant is no longer waiting for your answer.
cancel-nothing = You are not in the middle of anything.
lang-button-vi = Tiếng Việt
lang-button-en = English

## /me

me-header = Details for comrade { $name }
me-no-cells = You do not belong to any cell in the assistant yet. When your cell secretary sends an invitation, tap the join button.
me-admin = • { role-admin }
me-reachable-yes = Private reminders: on — the assistant can message you privately.
me-reachable-no = Private reminders: off — open a private chat with the assistant and tap “Start” to receive reminders.
me-language = Language: English (change with /lang)
me-cell-detail = • { $cell } (#{ $number }): { $role }, { $status } member{ $hasGroup ->
        [yes] , { $group }
       *[no] {""}
    }

## Command descriptions

cmd-start = Start and receive private reminders
cmd-help = How to use the assistant
cmd-me = My details
cmd-lang = Change language
cmd-cancel = Drop what you are in the middle of

## /me: edit full name
me-full-name = Full name: { $name }
me-telegram-name = Telegram name: { $name } (no full name yet; tap “Edit full name” to add it)
me-edit-name-button = ✏️ Edit full name
full-name-private-only = Please type /me in your private chat with the assistant to edit your full name.
full-name-ask = Please type your full name, family name first (for example: Nguyễn Văn An), at most { $max } characters. Tap “Cancel” to leave it as it is.
full-name-placeholder = Nguyễn Văn An
full-name-saved = ✅ Full name saved: { $name }. From now on the assistant calls you “comrade { $given }”.
full-name-empty = No name was given. Please type your full name (for example: Nguyễn Văn An), or tap “Cancel”.
full-name-too-long = That name is longer than { $max } characters and was not saved. Please type it again more briefly, or tap “Cancel”.
full-name-no-letters = A name needs letters; nothing was saved. Please type it again (for example: Nguyễn Văn An), or tap “Cancel”.
full-name-bad-characters = A name may only have letters, spaces, full stops and hyphens; nothing was saved. Please type it again, or tap “Cancel”.
full-name-mixed-scripts = That name mixes different alphabets; nothing was saved. Please type it again, or tap “Cancel”.
