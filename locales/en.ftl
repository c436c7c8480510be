## General

bot-name = Party Cell Assistant
error-generic = Sorry, comrade, something went wrong while handling this request. Please try again in a few minutes.
unknown-command = I don't know the command { $command }. Type /help to see the commands you can use.
unknown-text-private = I understand commands and buttons. Type /help for guidance.
refused-admin-only = This command is only for committee admins. You can see your own details with /me.
refused-private-only = This command only works in a private chat with the assistant. Tap the assistant's name and choose “Start”.
button-not-for-you = This button is not meant for you.
button-expired = This button is no longer valid.
typed-answer-cancel-button = ✖️ Cancel
typed-answer-cancelled = Cancelled: you don't need to answer this question any more.
typed-answer-not-yours = This question is waiting for another comrade's answer; your message was not recorded.
typed-answer-text-only = This question needs a written answer. Please type it and send it.

## Roles and statuses

role-secretary = Secretary
role-deputy = Deputy secretary
role-committee = Cell committee member
role-group_leader = Party group leader
role-member = Member
role-admin = Committee admin
status-official = full
status-probationary = probationary
status-exempt = exempt from meetings

## /start

start-welcome =
    Welcome, comrade { $name }!
    I am the Party Cell Assistant. I will send you meeting schedules, your tasks and the cell's feedback questions privately.
    Each step takes one or two taps. Type /help for guidance and /me to see your details.
start-welcome-back = Welcome back, comrade { $name }. I can message you privately again. Type /me to see your details.
start-in-group = Greetings, comrades! To receive private reminders, each of you should tap the assistant's name and choose “Start”.

## /help

help-header = How to use the Party Cell Assistant
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
    /admins — list the admins
    /export_member <id or @username> — export everything stored about a person (private chat)
    /erase_member <id or @username> — erase a person's personal data (private chat)
    /settings org — the organisation's settings (private chat)

## /lang

lang-choose = Choose your language:
lang-changed = Switched to English.
lang-unknown = “{ $given }” is not a supported language. Choose vi (Tiếng Việt) or en (English).
lang-button-vi = Tiếng Việt
lang-button-en = English

## /me

me-header = Details for comrade { $name }
me-no-cells = You do not belong to any cell in the assistant yet. When your cell secretary sends an invitation, tap the join button.
me-admin = • { role-admin }
me-reachable-yes = Private reminders: on — the assistant can message you privately.
me-reachable-no = Private reminders: off — open a private chat with the assistant and tap “Start” to receive reminders.
me-language = Language: English (change with /lang)

## Admins

add-admin-usage = Usage: reply to the person's message with /add_admin, or type /add_admin followed by their Telegram id (for example /add_admin 123456789).
add-admin-bad-id = “{ $given }” is not a valid Telegram id. An id is a number such as 123456789.
add-admin-done = { $who } is now a committee admin.
add-admin-already = { $who } is already a committee admin.
admins-header = Committee admins ({ $count }):
admins-line = • { $who }{ $fromConfig ->
        [yes] {" "}(from configuration)
       *[no] {""}
    }

## Command descriptions (shown in Telegram's menu)

cmd-start = Start and receive private reminders
cmd-help = How to use the assistant
cmd-me = My details
cmd-lang = Change language
cmd-add-admin = Add a committee admin
cmd-admins = List committee admins

## Scheduled deliveries

delivery-test = { $text }

## Cells and permissions (shared)

organisation-default-name = Ward party committee
cell-not-registered = This group is not registered as a party cell yet. A committee admin can register it by typing /register_cell <cell name> here.
cell-choose-in-group =
    You are responsible for several cells:
    { $cells }
    Please use this command in the group of the cell you mean.
refused-secretary-only = This command is only for the cell secretary or deputy secretary. You can see your own tasks with /me.
refused-group-leader-only = This command is only for party group leaders and the cell secretary or deputy.
refused-members-only = This command is only for members of this cell. If you would like to join, please contact the cell secretary.
member-ref-missing = Which member? Reply to their message, or give their @username or their number from /members.
member-ref-unknown = No member “{ $given }” in this cell. Please check with /members (you can use the number, for example #3).
member-ref-ambiguous =
    Several members match “{ $given }”:
    { $candidates }
    Please repeat the command with the number, for example #3.

## Setup: organisation, cells, committee chat

cell-kind-neighbourhood = neighbourhood
cell-kind-school = school
cell-kind-enterprise = enterprise
cell-kind-agency = agency
cell-kind-front = Fatherland Front and mass organisations
cell-kind-other = other
name-too-long = The name is too long. Please use at most 100 characters.
name-no-letters = A name needs letters. Please write it out, for example: Neighbourhood 1 Cell.
group-welcome =
    Greetings, comrades! I am the Party Cell Assistant: I remind you of meetings, hand out and follow up tasks, and collect members' views.
    Next step: a committee admin types /register_cell <cell name> in this group, for example: /register_cell Neighbourhood 1 Cell
    If this is the committee's group (where reports go), type /register_committee instead.
group-welcome-back = The assistant is back in this group. { $cell } is active again.
register-cell-usage = Usage: /register_cell <cell name> [| <kind>], for example: /register_cell Neighbourhood 1 Cell | neighbourhood. Kinds: neighbourhood, school, enterprise, agency, front, other.
register-cell-in-group = Please type /register_cell in the group chat of the cell you want to register (after adding the assistant to it).
register-cell-bad-kind = “{ $given }” is not a cell kind. Please choose one of: neighbourhood, school, enterprise, agency, front, other.
register-cell-is-committee = This group receives the committee's reports; it cannot be registered as a cell.
register-cell-other-organisation = This group already belongs to another organisation in the assistant.
register-cell-done =
    This group is now registered as { $cell } ({ $kind } cell).
    Next step: the cell secretary invites members with /invite, or sends a CSV/Excel roster with the /import command.
register-cell-updated = Updated: this group is { $cell } ({ $kind } cell).
cell-removed-admin-notice = The assistant was removed from the group of { $cell }. The cell is paused in the assistant; its data is kept. Add the assistant back to the group to continue.
cell-paused-answer = { $cell } is paused in the assistant (it was removed from the cell's group), so your answer was not recorded. Everything resumes once the assistant is added back to the group.
register-committee-usage = Usage: type /register_committee in the committee's group; or in a private chat: /register_committee <@channel or channel id>, for example /register_committee @wardcommittee.
register-committee-is-cell = This group belongs to a cell; it cannot receive the committee's reports.
register-committee-not-found = The assistant cannot find the channel or group “{ $chat }”. Please check the name and add the assistant to it as an admin allowed to post.
register-committee-bot-cannot-post = The assistant cannot post in “{ $chat }” yet. Please make it an admin allowed to post messages, then try again.
register-committee-caller-not-admin = You need to be an admin of “{ $chat }” to register it for the committee's reports.
register-committee-done = “{ $chat }” will now receive the monthly digest and alerts of { $organisation }.
register-committee-hello = This chat will receive the monthly digest and alerts of the Party Cell Assistant for { $organisation }.
org-name-usage = Usage: /org_name <organisation name>, for example: /org_name Ben Thanh Ward Party Committee
org-name-done = The organisation is now called { $organisation }.

## Joining a cell: invitations, join requests, personal links

invite-group =
    📣 { $cell } invites its party members to use the Party Cell Assistant.
    Tap “Join the cell” below and the cell secretary will confirm. Better still, tap “Join and get private reminders” so the assistant can message you meeting dates and tasks privately.
invite-private =
    Invitation link to { $cell }:
    { $link }
    Forward this message to the cell's members. When they open the link and tap “Start”, their request to join comes to you for approval.
invite-button-join = 🙋 Join the cell
invite-button-link = ✉️ Join and get private reminders
join-link-invalid = This join link is wrong or out of date. Please ask your cell secretary to send the invitation again.
join-cell-inactive = { $cell } is no longer active in the assistant, so it does not take join requests. Please contact your cell secretary.
join-already-member = You are already a member of { $cell } in the assistant. Type /me to see your details.
join-already-pending = Your request to join { $cell } has been sent and is waiting for the cell secretary's approval. There is no need to send it again.
join-request-sent = Your request to join { $cell } has been sent. The cell secretary (or a committee admin) will review it; the assistant will let you know.
join-request-to-manager =
    🙋 Request to join { $cell }
    Comrade { $name } asks to join the cell in the assistant.
    Tap a button below to decide.
join-button-approve = ✅ Approve
join-button-reject = ✖️ Reject
join-approved-toast = Approved.
join-rejected-toast = Rejected.
join-decided-approved = ✅ Approved: comrade { $name } is a member of { $cell } (number { $number } in /members). Decided by { $decider }.
join-decided-rejected = ✖️ Rejected the request of { $name } to join { $cell }. Decided by { $decider }.
join-decided-already = { $state ->
        [approved] This request was already approved by { $decider }.
       *[rejected] This request was already rejected by { $decider }.
    }
join-approved-member = 🎉 Your request has been approved: you are now a member of { $cell } in the assistant. I will message you meeting dates, tasks and requests for your views privately. Type /me to see your details.
join-rejected-member = Your request to join { $cell } was not approved. If this is a mistake, please speak to the cell secretary directly. Thank you, comrade.
join-welcome-group = 🌷 The cell welcomes comrade { $name } to { $cell } in the Party Cell Assistant.
join-welcome-group-unreachable = Comrade { $name }, please tap “Get private reminders” below so the assistant can message you meeting dates and tasks privately.
join-button-private-reminders = 🔔 Get private reminders
claim-invalid = This personal link is no longer valid: it has been used already or is wrong. If you used it before, type /me to see your details; if not, please ask your cell secretary for a new link.
claim-done =
    Greetings, comrade { $name }! This Telegram account is now recorded as yours.
    You are a member of:
    { $cells }
    From now on I will message you meeting dates, tasks and requests for your views privately. Type /me to see your details.
claim-done-no-cells = Greetings, comrade { $name }! This Telegram account is now recorded as yours. You do not belong to an active cell at the moment; your cell secretary will update this.
claim-cell-line = • { $cell }: { $role }

## Roster import (/import)

roster-usage = To import a roster, send a CSV or Excel (.xlsx) file with the caption /import, or reply /import to a message with the file. The header row needs a “Full name” column; “Role”, “Party group” and “Status” columns are optional.
roster-too-large = The file is too large: rosters of up to { $limit } are accepted. Please split the list into smaller files and send them one by one. Nobody was imported.
roster-download-failed = I could not download the file from Telegram. Please send it again in a few minutes. Nobody was imported.
roster-file-empty = The file is empty. Please check the roster file and send it again. Nobody was imported.
roster-file-no-rows = The file has only a header row and no names. Please fill in the list below the header and send it again.
roster-missing-name-column =
    I could not find a full-name column in the file (columns found: { $found }).
    The header row needs a “Full name” (“Họ và tên”) column; “Role”, “Party group” and “Status” are optional. Nobody was imported.
roster-too-many-rows = The file has { $rows } rows, more than the limit of { $limit } rows per import. Please split it into smaller files and send them one by one. Nobody was imported.
roster-unclosed-quote = The CSV file has an unclosed quotation mark starting at row { $row }. Please open the file in Excel, save it again and resend it. Nobody was imported.
roster-not-a-table = This file is not a table. I accept CSV or Excel (.xlsx) files. Nobody was imported.
roster-xlsx-invalid = This is not a valid Excel (.xlsx) file, or it is damaged. Please open it in Excel, use “Save as” .xlsx or CSV, and send it again. Nobody was imported.
roster-xls-old = I cannot read old-style Excel files (.xls). Please open the file in Excel, use “Save as” .xlsx or CSV UTF-8, and send it again. Nobody was imported.
roster-working = I received the file “{ $file }” for { $cell } and am importing the roster. The result and each member's personal link will be sent here.
roster-need-private = Comrade { $name }, you have not opened a private chat with me yet, so I cannot send you each member's personal link (these links are never posted in the group). Tap the button below, choose “Start”, then send the file with /import again. Nobody was imported.
roster-open-private-button = Open a private chat with the assistant
roster-report-header = 📋 Roster import into { $cell } (file “{ $file }”)
roster-report-counts = Accepted: { $accepted } { $accepted ->
        [one] member
       *[other] members
    }. Refused: { $refused } { $refused ->
        [one] row
       *[other] rows
    }.
roster-report-groups-created = New party groups created: { $groups }.
roster-report-leader-set = { $name } is recorded as leader of { $group }.
roster-report-refused-header = Refused rows (please correct them and send these rows in a new file):
roster-refused-line = • Row { $row } ({ $name }): { $reason }
roster-refused-line-noname = • Row { $row }: { $reason }
roster-reason-name-empty = the full name is missing.
roster-reason-name-too-long = the full name is longer than 100 characters.
roster-reason-name-no-letters = the full name has no letters.
roster-reason-name-bad-characters = the full name contains characters that are not allowed (emoji or symbols).
roster-reason-name-mixed-scripts = the full name mixes letters of different alphabets; please retype it in Vietnamese letters.
roster-reason-role-unknown = the role “{ $given }” is not valid. Use one of: secretary, deputy, committee, group leader, member (or bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên); empty means member.
roster-reason-status-unknown = the status “{ $given }” is not valid. Use one of: official, probationary, exempt (or chính thức, dự bị, miễn sinh hoạt); empty means official.
roster-reason-group-invalid = the party group name “{ $given }” is not valid (it needs letters or digits, at most 64 characters, no emoji).
roster-reason-duplicate-in-file = the same full name as row { $firstRow } of the file. If these are two different people, add a detail to tell them apart, e.g. the year of birth: Nguyễn Văn An (1958).
roster-reason-already-member = the cell already has a member with this full name.
roster-report-none-accepted = No row was accepted; the cell's roster is unchanged.
roster-report-links-header = Each member's personal link to claim their place. Every link is for one person only: send it privately to that comrade, never post it in the group. When they open the link and tap “Start”, their Telegram account is recorded in the cell.
roster-link-line = #{ $number } { $name }: { $link }
roster-group-summary = Roster imported into { $cell }: { $accepted } accepted, { $refused } refused. The detailed report and each member's personal link were sent privately to comrade { $name }.
roster-group-summary-undelivered = Roster imported into { $cell }: { $accepted } accepted, { $refused } refused. I could not send the report privately to comrade { $name }; personal links are not posted in the group. Please open a private chat with me and tell a committee admin.

## Members, roles, statuses and party groups (/role, /status, /members, /group, /groups)

member-ref-did-you-mean =
    No member is called exactly “{ $given }”. Did you mean:
    { $candidate }
    If so, please type the command again with this number.
member-changed-meanwhile = Someone else has just changed this member's details. Please check /members and try again.
setrole-usage =
    Usage: /role <member> <role>, for example /role @nguyenvanan deputy or /role #3 group leader.
    You can also reply to the member's message with /role <role>.
    Roles: secretary, deputy, committee, group leader, member (Vietnamese words work too).
setrole-unknown-word =
    I don't know the role “{ $given }”. Put the role at the end of the command, one of:
    secretary, deputy, committee, group leader, member (or bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên).
    Example: /role #3 deputy
setrole-same = Comrade { $name } (#{ $number }) is already { $role }; nothing to change.
setrole-done = Role updated: comrade { $name } (#{ $number }) from { $before } to { $role }.
setrole-secretary-guard = Only the cell secretary or a committee admin can appoint or change the secretary.
setrole-last-secretary = Comrade { $name } is the cell's only secretary, so their role cannot be changed yet. Appoint another secretary first, or ask a committee admin to do it.
setrole-no-secretary = Note: the cell has no secretary now.
setrole-several-secretaries = Note: the cell now has { $count } secretaries. If this replaces the secretary, please change the former secretary's role.
setrole-leadership-cleared = Comrade { $name } no longer leads: { $groups }.
setstatus-usage =
    Usage: /status <member> <status>, for example /status @nguyenvanan probationary or /status #3 exempt.
    You can also reply to the member's message with /status <status>.
    Statuses: official, probationary, exempt (Vietnamese words work too).
setstatus-unknown-word =
    I don't know the status “{ $given }”. Put the status at the end of the command, one of:
    official, probationary, exempt (or chính thức, dự bị, miễn sinh hoạt).
    Example: /status #3 official
setstatus-same = Comrade { $name } (#{ $number }) is already a { $status } member; nothing to change.
setstatus-done = Updated: comrade { $name } (#{ $number }) is now a { $status } member (was: { $before }).
members-empty = { $cell } has no members on the assistant yet. The cell secretary can invite members with /invite.
members-header = Members of { $cell } ({ $count })
members-page = Page { $page }/{ $pages }
members-line = { $mark } #{ $number } { $name } — { $details }
members-unreachable =
    🔕 { $count } member(s) cannot receive private reminders yet.
    They should tap the assistant's name, open a private chat and press “Start”.
members-all-reachable = 🔔 Every member can receive private reminders.
members-page-prev = ◀ Previous
members-page-next = Next ▶
me-cell-detail = • { $cell } (#{ $number }): { $role }, { $status } member{ $hasGroup ->
        [yes] , { $group }
       *[no] {""}
    }
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
group-usage =
    Usage of /group:
    /group new <name> — create a party group
    /group leader <name> <member> — set the group leader
    /group add <name> <members> — add members (@usernames or numbers, separated by spaces or commas)
    /group remove <name> <member> — take a member out of the group
    /groups — list the party groups
    Example: /group add Group 1 @nguyenvanan, #5
group-none-yet = The cell has no party groups yet. Create one first with /group new <name>, for example /group new Group 1.
group-not-found = The cell has no party group “{ $given }”. Existing groups: { $groups }.
group-name-empty = Please give the party group a name, for example /group new Group 1.
group-name-too-long = That name is too long ({ $length } characters). Please keep it to { $max } characters at most.
group-name-bad-chars = A party group name may contain letters, digits, spaces and ordinary punctuation, but no emoji or symbols. For example: Group 1, Mechanics.
group-name-mixed-scripts = The name mixes different alphabets (for example Latin and Cyrillic letters), which is easy to confuse. Please type it again in one alphabet.
group-duplicate = The cell already has a party group “{ $name }”. Please choose another name.
group-created =
    Party group “{ $name }” created.
    Next: /group leader { $name } <member> to set its leader, /group add { $name } <members> to add members.
group-leader-already = Comrade { $name } (#{ $number }) already leads “{ $group }”.
group-leader-done = Comrade { $name } (#{ $number }) now leads “{ $group }”.
group-role-raised = Comrade { $name }'s role is now { $role }.
group-role-lowered = Comrade { $name }'s role is back to { $role }.
group-leader-moved = Comrade { $name } moved from “{ $from }” to this group and no longer leads “{ $from }”.
group-leader-previous = Comrade { $name } no longer leads “{ $group }”.
group-leader-released = Comrade { $name } no longer leads “{ $group }” after changing groups; that group has no leader now.
group-add-missing = Please list the members to add after the group's name, for example /group add { $group } @nguyenvanan #5.
group-add-header = Party group “{ $group }”:
group-add-added = • Added: { $names }
group-add-moved = • Moved here from another group: { $names }
group-add-already = • Already in the group: { $names }
group-add-not-found = • Not found in the cell: { $refs } — please check /members.
group-remove-not-in = Comrade { $name } (#{ $number }) is not in “{ $group }”.
group-remove-done = Comrade { $name } (#{ $number }) has been taken out of “{ $group }”.
group-remove-was-leader = “{ $group }” has no leader now; set one with /group leader { $group } <member>.
groups-none = { $cell } has no party groups yet. The cell secretary can create one with /group new <name>.
groups-header = Party groups of { $cell } ({ $count }):
groups-line = • { $name } — leader: { $leader }; { $size } member(s)
groups-no-leader = none yet

## Settings (/settings), member data (/export_member, /erase_member), private reminders

settings-title-cell = ⚙️ Settings of { $name }
settings-title-org = ⚙️ Common settings of { $name }
settings-line-language = • Language: { $value }
settings-line-timezone = • Time zone: { $value }
settings-line-quiet = • Quiet hours: { $value }
settings-line-reminders = • Meeting reminders: { $value }
settings-line-threshold = • Tell the secretary privately about absences without reason: { $value }
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
settings-error-digest = “{ $given }” is not valid. Please write a day (1 to 28) and then a time, for example /settings org digest 1 08:00. Nothing was changed.
settings-error-org-only = The monthly digest schedule is a common setting of the organisation; a committee admin changes it with /settings org digest in a private chat with the assistant. Nothing was changed.
settings-error-reset-org = Only a cell's own settings can go back to the organisation's. For common settings, please write a new value. Nothing was changed.

member-data-usage-export = Usage: /export_member followed by the person's Telegram id or @username, for example /export_member 123456789 or /export_member @nguyenvanan.
member-data-usage-erase = Usage: /erase_member followed by the person's Telegram id or @username, for example /erase_member 123456789 or /erase_member @nguyenvanan.
member-data-not-found = Nobody matching “{ $given }” was found in the organisation. Please check the Telegram id, @username or full name.
member-data-ambiguous =
    Several people match “{ $given }”:
    { $candidates }
    Please repeat the command with the code in brackets.
member-data-export-caption = Everything the assistant stores about { $name }. The file contains personal data; please keep it safe.
member-data-erase-confirm =
    Do you really want to erase the personal data of { $name }?
    • Their name, Telegram username and Telegram id are deleted; they leave every cell.
    • Task reports, absence reasons, comments and written or voice answers are deleted.
    • Only figures that carry no name are kept (attendance, task results, choices and ratings) so that the cells' overall rates stay right.
    This cannot be undone.
member-data-erase-button = 🗑 Erase permanently
member-data-erase-cancel-button = Cancel
member-data-erase-done = The member's personal data has been erased. Overall figures are kept without their name.
member-data-erase-cancelled = Cancelled; nothing was erased.
member-data-already-erased = This person's data has already been erased or is no longer in the organisation.
member-data-erase-admin = { $name } is a committee admin; the assistant does not erase the data of admins.
member-data-erased-label = Erased member

reach-button = 🔔 Get private reminders

## Meeting reminders
meeting-reminder-today = { $part ->
        [morning] this morning
        [noon] at noon today
        [afternoon] this afternoon
       *[evening] this evening
    }
meeting-reminder-tomorrow = { $part ->
        [morning] tomorrow morning
        [noon] tomorrow at noon
        [afternoon] tomorrow afternoon
       *[evening] tomorrow evening
    }
meeting-reminder-when-near = at { $time } { $relative } ({ $date })
meeting-reminder-when-far = at { $time } on { $date }
meeting-reminder-where = at { $place }
meeting-reminder-where-online = online: { $link }
meeting-reminder-group =
    🔔 A reminder, comrades: { $cell } meets { $when }{ $where }.
    Answers so far: { $attend } attending · { $absent } absent · { $noAnswer } no answer{ $unsure ->
        [0] {""}
       *[other] {" "}({ $unsure } not sure)
    }.
    To get reminders in a private chat, press the button below.
meeting-reminder-private = A reminder for comrade { $name }: { $cell } meets { $when }{ $where }.
meeting-reminder-status-none = You have not confirmed yet — please press one of the buttons below.
meeting-reminder-status-attend = You have confirmed that you will attend. See you there!
meeting-reminder-status-absent = You said you will be absent; if that changes, please press a button below.
meeting-reminder-status-unsure = You are not sure yet — once you know, please press a button below.
meeting-reminder-btn-attend = ✅ Attend
meeting-reminder-btn-absent = ❌ Absent
meeting-reminder-btn-unsure = ❔ Not sure
meeting-reminder-agenda-owner = A reminder for comrade { $name }: you are responsible for the part «{ $item }» of the meeting { $when }. Please get it ready.
meeting-reminder-agenda-check = Dear comrade { $name }: the meeting { $when } still has { $count }/{ $total } agenda parts not ready:
meeting-reminder-agenda-line = • { $item } — comrade { $owner }
meeting-reminder-agenda-line-unowned = • { $item } — nobody responsible yet

## Check-in, closing a meeting, absence reasons (/checkin, /close_meeting, /attendance)

attendance-meeting-label = { $title } #{ $id } ({ $when })
checkin-button = ✋ Present
checkin-post =
    📋 Attendance for { $meeting }
    Comrades who are here, please press “✋ Present” below (once each).
    Checked in: { $count }/{ $expected } expected members (checked in by someone else: { $proxy }).
checkin-meeting-not-open = The meeting { $meeting } has ended or was cancelled; attendance can no longer be taken.
checkin-too-early = The meeting { $meeting } has not started yet. Attendance opens at most 12 hours before the meeting.
checkin-opened-elsewhere = Attendance for { $meeting } is open in the cell's group.
checkin-not-member = The attendance button is only for members of this cell.
checkin-not-open-button = Attendance for this meeting is no longer open.
checkin-recorded = You are checked in as present. Thank you!
checkin-already = You are already checked in.
checkin-proxy-not-your-group = You can only check in members of the party group you lead; { $name } is not in your group.
checkin-proxy-not-open = Attendance for { $meeting } is not open yet. Please send /checkin first.
checkin-proxy-already = { $name } is already checked in.
checkin-proxy-done = { $name } is checked in (by you). { $count } members are present now.
close-conclusions-too-long = The conclusions are { $given } characters long, more than the limit of { $max }. Please shorten them and send the command again; the meeting has not been closed.
close-already = The meeting { $meeting } was already closed.
close-cancelled = The meeting { $meeting } was cancelled and cannot be closed.
close-not-started = The meeting { $meeting } has not taken place yet, so it cannot be closed.
close-result =
    ✅ { $meeting } is closed.
    • Present: { $present } (checked in by someone else: { $proxy })
    • Absent with a reason: { $excused }
    • Absent without a reason: { $unexcused }
    • Expected: { $expected } — attendance { $rate }%
    Thank you all for taking part.
close-done-secretary = The register of { $meeting } is closed. Absent without a reason: { $unexcused }. I asked { $asked } of them privately for a reason; { $unreached } could not be reached privately (they have not opened a chat with me).
absence-reason-ask =
    Dear comrade, the register of { $meeting } shows you as absent without a reason.
    Please tell us why by pressing one of the buttons below.
absence-reason-health = 🏥 Health
absence-reason-work = 💼 Work
absence-reason-family = 👪 Family
absence-reason-other = ✏️ Other reason
absence-reason-other-ask = Please type the reason for your absence and send it (at most 500 characters).
absence-reason-other-placeholder = Reason for absence
absence-reason-thanks = Thank you, your reason for the absence is recorded.
absence-reason-already = Your reason for this absence was already recorded.
absence-reason-bad-text = The reason must not be empty nor longer than { $max } characters. Please send the reason again.
absence-alert = 🔔 { $name } (cell { $cell }) has been absent without a reason { $count } times in { $year }. Please talk with them about it.
attendance-edit-usage = Usage: /attendance #<meeting number> <member> present|proxy|excused|unexcused — for example: /attendance #12 #3 excused
attendance-edit-not-closed = The meeting { $meeting } is not closed yet; the register can be corrected only after /close_meeting.
attendance-edit-done = Register of { $meeting } corrected: { $name } — { $status }.
attendance-status-present = present
attendance-status-proxy = present (checked in by someone else)
attendance-status-absent-excused = absent with a reason
attendance-status-absent-unexcused = absent without a reason

## Dates and times
datetime-problem-empty =
    No date or time was given. Please write the day before the month, for example “05/12 19:30”, “next friday 19:30” or “thứ 6 tuần sau 19h30”.
datetime-problem-unrecognised =
    I could not read “{ $given }” as a date or time. Please write the day before the month, for example “05/12 19:30”, “5/12/2026 7:30 pm”, “next friday 19:30”, “tomorrow 7pm” or “thứ 6 tuần sau 19h30”.
datetime-problem-impossible_date =
    There is no such day as “{ $given }” on the calendar (November has only 30 days, for instance, and weekdays run from thứ 2 to thứ 7 plus chủ nhật). Please check it, for example “05/12 19:30” or “next friday 19:30”.
datetime-problem-impossible_time =
    The time in “{ $given }” is not valid: hours go from 0 to 23, minutes from 0 to 59, and the part of the day must fit the hour (there is no “3 pm in the morning”). Please write it again, for example “19:30”, “19h30” or “7 pm”.
datetime-problem-ambiguous =
    “{ $given }” can be read more than one way, so I would rather not guess. Please be more precise: an hour with am/pm or on the 24-hour clock (“7 am”, “19:00”), a full date (“05/12”), or “next friday” instead of “friday” when today is a Friday.
datetime-problem-past =
    “{ $given }” is already in the past. Please choose a date and time still to come, for example “05/12 19:30” or “next friday 19:30”; if you mean next year, write the year, for example “05/01/2027”.
datetime-problem-missing_time =
    Only a day was given; the time is missing. Please write both, for example “05/12 19:30”, “next friday 19:30” or “tomorrow 7pm”.

## Meetings: create, announce, RSVP, list, cancel, move (/meeting, /meetings, /cancel_meeting, /move_meeting)
meeting-kind-regular = Regular meeting
meeting-kind-thematic = Thematic meeting
meeting-kind-extraordinary = Extraordinary meeting
meeting-kind-field-trip = Field trip
meeting-default-title-regular = regular meeting for { $month }
meeting-default-title-thematic = thematic meeting for { $month }
meeting-default-title-extraordinary = extraordinary meeting for { $month }
meeting-default-title-field-trip = field trip for { $month }
meeting-state-planned = upcoming
meeting-state-in-progress = in progress
meeting-state-closed = closed
meeting-state-cancelled = cancelled
meeting-announcement-header = 📢 { $cell } — { $title } (#{ $ref })
meeting-announcement-when = 🕢 { $when }
meeting-announcement-place = 📍 { $place }
meeting-announcement-no-place = 📍 The place will be announced later.
meeting-announcement-call = Comrades, please confirm your attendance with the buttons below.
meeting-announcement-cancelled-banner = 🚫 MEETING CANCELLED
meeting-announcement-moved-note = 🔁 Rescheduled (previously: { $from }).
meeting-counts = Confirmed: { $attend } attending · { $absent } absent · { $noAnswer } not answered
meeting-counts-unsure = {" "}({ $unsure } not sure)
meeting-rsvp-attend-button = ✅ Attend
meeting-rsvp-absent-button = ❌ Absent
meeting-rsvp-unsure-button = ❔ Not sure
meeting-rsvp-recorded-attend = Recorded: you will attend. Thank you!
meeting-rsvp-recorded-absent = Recorded: you will be absent.
meeting-rsvp-recorded-unsure = Recorded: you are not sure yet. Please press again when you know.
meeting-rsvp-absent-asked-private = Recorded as absent. The assistant has written to you privately to ask for the reason.
meeting-rsvp-absent-ask-here = Recorded as absent. Please choose the reason in the message just below.
meeting-rsvp-not-member = This button is only for members of { $cell }. Your answer was not recorded.
meeting-rsvp-cancelled = This meeting has been cancelled; no need to answer.
meeting-rsvp-closed = This meeting is over; answers are no longer taken.
meeting-reason-health = 🏥 Health
meeting-reason-work = 💼 Work
meeting-reason-family = 👪 Family
meeting-reason-other = ✏️ Other reason
meeting-reason-ask-private = You said you will be absent from meeting #{ $ref }. Please tell us the reason with one of the buttons below.
meeting-reason-ask-group = Whoever just reported being absent from meeting #{ $ref }, please choose the reason below (only the cell secretary sees reasons).
meeting-reason-recorded = Reason for absence recorded: { $reason }. Thank you.
meeting-reason-other-in-group = Reason recorded: { $reason }. To write the reason out, press “🔔 Private reminders” and report your absence again privately.
meeting-reason-not-absent = You have not reported being absent from this meeting, so no reason is needed.
meeting-reason-other-ask = Please type the reason for your absence from meeting #{ $ref } and send it (at most 500 characters).
meeting-reason-other-placeholder = Reason for absence
meeting-reason-text-bad = The reason must not be empty and must be at most { $max } characters. Please send the reason again.
meeting-reason-text-recorded = Reason for absence recorded: “{ $reason }”. Thank you.
meeting-place-too-long = The place is { $length } characters long, over the limit of { $max }. Please shorten it; the meeting was not created.
meeting-title-too-long = The title is { $length } characters long, over the limit of { $max }. Please shorten it; the meeting was not created.
meeting-created-private = Meeting #{ $ref } created and announced in the group of { $cell }.
meeting-created-no-group = Meeting #{ $ref } of { $cell } created, but the cell has no group yet, so it was not announced.
meeting-already-cancelled = Meeting #{ $ref } was already cancelled.
meeting-already-closed = Meeting #{ $ref } is closed and can no longer be changed.
meeting-changed-meanwhile = Meeting #{ $ref } was just changed by someone else. Please check /meetings.
meeting-ref-bad-ref = “{ $given }” is not a meeting number. Use the number shown in /meetings, e.g. #12.
meeting-ref-not-found = The cell has no meeting number { $given }. See the numbers with /meetings.
meeting-ref-none-upcoming = The cell has no upcoming meeting. The secretary can create one with /meeting.
meeting-pick-cell = You manage several cells. Please choose the cell for the command:
meeting-cell-picked = { $cell } chosen.
meeting-guided-header = 🗓 New meeting — { $cell }
meeting-guided-kind-line = Kind: { $kind }
meeting-guided-date-line = Date: { $date }
meeting-guided-when-line = 🕢 { $when }
meeting-guided-ask-kind = Please choose the kind of meeting:
meeting-guided-ask-date = Please choose the date:
meeting-guided-ask-time = Please choose the time:
meeting-guided-ask-place = Please choose the place:
meeting-guided-ask-confirm = Please check, then press “Create and announce”.
meeting-guided-type-date-button = ✏️ Type another date
meeting-guided-type-time-button = ✏️ Type another time
meeting-guided-type-place-button = ✏️ Type the place
meeting-guided-no-place-button = Place to be announced
meeting-guided-confirm-button = ✅ Create and announce
meeting-guided-cancel-button = ✖️ Stop
meeting-guided-type-date = Please type the date and send it, e.g. 05/12 or next friday.
meeting-guided-type-date-placeholder = Date, e.g. 05/12
meeting-guided-type-time = Please type the time and send it, e.g. 19:30 or 7 pm.
meeting-guided-type-time-placeholder = Time, e.g. 19:30
meeting-guided-type-place = Please type the place and send it (at most 200 characters).
meeting-guided-type-place-placeholder = Place of the meeting
meeting-guided-abandoned = Meeting creation stopped.
meeting-guided-creating = Creating the meeting…
meeting-guided-created = ✅ Meeting #{ $ref } created and announced in the group of { $cell }.
meeting-guided-already-created = This meeting has already been created (#{ $ref }).
meetings-none = { $cell } has no upcoming meetings and none in the last 60 days. The secretary can create one with /meeting.
meetings-header = 📅 Meetings of { $cell } (upcoming and last 60 days):
meetings-line = #{ $ref } · { $when } · { $title } · { $state }{ $tally }
meetings-line-rsvps = {" "}· { $attend } attending / { $absent } absent / { $noAnswer } not answered
meetings-line-attendance = {" "}· present { $present }/{ $expected }
cancel-meeting-usage = Usage: /cancel_meeting #<meeting number>, e.g. /cancel_meeting #12. See the numbers with /meetings.
cancel-meeting-done = Meeting #{ $ref } cancelled and the cell's group told.
meeting-cancelled-group = 🚫 Notice: meeting #{ $ref } ({ $title }) planned for { $was } has been cancelled. Its reminders have been cancelled too.
move-meeting-usage = Usage: /move_meeting #<meeting number> <date> <time>, e.g. /move_meeting #12 11/12 19:30.
move-meeting-same-time = Meeting #{ $ref } is already at that time.
move-meeting-done = Meeting #{ $ref } moved and the cell's group told.
meeting-moved-group = 🔁 Notice: meeting #{ $ref } ({ $title }) is moved from { $was } to { $when }. Please arrange to attend.

## Recurring meetings, meeting agenda, pre-meeting opinions (/meeting_schedule, /agenda, /opinions)

schedule-usage =
    To keep a regular meeting every month:
    /meeting_schedule monthly <day> <time> | <place>
    Example: /meeting_schedule monthly 4 19:30 | Neighbourhood 1 hall
    The day is 1 to 28, or “last” for the last day of the month.
    /meeting_schedule ahead 7 — announce 7 days before (the default)
    /meeting_schedule off — stop the regular meetings
schedule-bad-day = “{ $given }” is not a valid meeting day. Please give a day from 1 to 28, or “last” (not every month has a 29th, 30th or 31st).
schedule-place-too-long = The place is too long ({ $length } characters). Please keep it to { $max } characters.
schedule-bad-ahead = “{ $given }” is not valid. Please give the number of days to announce ahead, from 1 to { $max }, e.g. /meeting_schedule ahead 7
schedule-set = ✅ Regular monthly meetings are set for { $cell }.
schedule-current = 🗓 Regular meetings of { $cell }:
schedule-details =
    • { $day ->
        [last] The last day
       *[other] Day { $day }
    } of every month at { $time }{ $hasPlace ->
        [yes] , at { $place }
       *[no] {""}
    }
    • Next meeting: { $next }
    • { $announced ->
        [yes] Already announced in the group (meeting #{ $ref }).
        [now] The assistant will announce it in the group right away.
       *[no] The assistant will announce it in the group on { $announce } ({ $days } days before).
    }
schedule-none = The cell has no regular meeting schedule.
schedule-off = Regular meetings of { $cell } are stopped. Meetings already announced stay; the secretary can cancel them with /cancel_meeting.
schedule-ahead-set = ✅ From now on regular meetings are announced { $days } days before.

agenda-usage =
    To give a member a part of a meeting to prepare:
    /agenda #<meeting number> <member> <item>
    Example: /agenda #12 @hai Report on neighbourhood security
    Name the member by @username or their number in /members, or reply to their message. To see the agenda: /agenda #12
agenda-item-too-long = The item is too long. Please keep it to { $max } characters.
agenda-meeting-not-open = Meeting #{ $ref } has started, ended or been cancelled, so no more items can be added.
agenda-assigned =
    📋 Dear comrade { $name }: comrade { $assigner } asks you to prepare a part of meeting #{ $ref } of { $cell } ({ $when }):
    “{ $item }”
    When it is ready, please press “✅ Ready” below.
agenda-ready-button = ✅ Ready
agenda-added = ✅ Comrade { $name } will prepare “{ $item }” for meeting #{ $ref }; the assistant has told them privately.
agenda-added-unreachable =
    ✅ Comrade { $name } will prepare “{ $item }” for meeting #{ $ref }.
    ⚠️ The assistant could not write to comrade { $name } privately because they have not opened a chat with it. Please ask them to press the button below (or open { $link }) and then “Start”.
agenda-ready-done = Noted: your part is ready. Thank you!
agenda-ready-already = This part is already marked ready.
agenda-ready-marked = ✅ You have marked this part ready.
agenda-ready-meeting-over = This meeting has ended or been cancelled.
agenda-list-header = 📋 Agenda of meeting #{ $ref } ({ $when }):
agenda-list-empty = Nothing has been assigned yet. The secretary assigns parts with: /agenda #{ $ref } @name <item>
agenda-list-line = { $index }. { $item } — comrade { $name } — { $ready ->
        [yes] ✅ ready
       *[no] ⏳ not ready yet
    }
agenda-no-owner = (nobody in charge)
agenda-list-summary = Ready: { $ready } of { $total } parts.

opinions-button = 💬 Send points before the meeting
opinions-ask =
    💬 Points for meeting #{ $ref } ({ $when })
    If there is anything you want raised at the meeting, please send it here (text or a voice note). Only the cell secretary sees your points.
opinions-placeholder = Your points…
opinions-question-text = Points to raise at the meeting
opinions-empty = Please write your points, or send a voice note.
opinions-too-long = Each point may be at most { $max } characters. Please split it into shorter messages.
opinions-thanks = ✅ Your points for meeting #{ $ref } are recorded; only the cell secretary sees them. To add more, just send them; when you are done, press “Cancel” on the question above.
opinions-not-member = You are not a member of the cell holding this meeting, so you cannot send points for it.
opinions-closed = Meeting #{ $ref } has started, ended or been cancelled, so points before it are no longer taken.
opinions-list-header = 🗒 Points before meeting #{ $ref } ({ $when }): { $count }
opinions-list-empty = No member has sent any points yet.
opinions-list-line = { $index }. Comrade { $name } ({ $when }): { $text }
opinions-someone = (a member who left the cell)
opinions-voice = 🎤 voice note
opinions-sent-privately = The assistant has sent you the list of points privately (it is not posted in the group).
opinions-open-private-first = Members' points are not posted in the group, and the assistant cannot write to you privately yet: please press the button below, press “Start”, then send /opinions again.
meeting-already-exists = The cell already has meeting #{ $ref } at exactly that time; no second one was created. See /meetings.

## Command descriptions in cell groups

cmd-meetings = The cell's meetings
cmd-agenda = A meeting's agenda and who prepares it
cmd-members = The cell's members
cmd-groups = The cell's party groups

## Descriptions of the other commands (for per-role command menus)

cmd-group = Create party groups, set leaders, add or remove members
cmd-invite = Invite members to join the cell on the assistant
cmd-role = Set a member's role in the cell
cmd-status = Set a member's status
cmd-import = Import the member roster from a CSV or Excel file
cmd-settings = Reminders, quiet hours and language
cmd-meeting = Announce a meeting
cmd-move-meeting = Move a meeting
cmd-cancel-meeting = Cancel a meeting
cmd-meeting-schedule = The regular monthly meeting
cmd-opinions = Points members sent before the meeting
cmd-checkin = Meeting check-in
cmd-close-meeting = Close the meeting: attendance and conclusions
cmd-attendance = Correct attendance after the meeting
cmd-register-cell = Register a group chat as a cell
cmd-register-committee = Register the committee's report chat
cmd-org-name = Name the organisation
cmd-export-member = Export everything stored about a person
cmd-erase-member = Erase a person's personal data
