## General

bot-name = Party Cell Assistant
error-generic = Sorry, comrade, something went wrong while handling this request. Please try again in a few minutes.
unknown-command = I don't know the command { $command }. Type /help to see the commands you can use.
unknown-text-private = I understand commands and buttons. Type /help for guidance.
refused-admin-only = This command is only for committee admins. You can see your own details with /me.
refused-private-only = This command only works in a private chat with the assistant. Tap the assistant's name and choose “Start”.
button-not-for-you = This button is not meant for you.
button-expired = This button is no longer valid.

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

## /lang

lang-choose = Choose your language:
lang-changed = Switched to English.
lang-unknown = “{ $given }” is not a supported language. Choose vi (Tiếng Việt) or en (English).
lang-button-vi = Tiếng Việt
lang-button-en = English

## /me

me-header = Details for comrade { $name }
me-no-cells = You do not belong to any cell in the assistant yet. When your cell secretary sends an invitation, tap the join button.
me-cell-line = • { $cell }: { $role }, { $status } member
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
register-committee-usage = Usage: type /register_committee in the committee's group; or in a private chat: /register_committee <@channel or channel id>, for example /register_committee @wardcommittee.
register-committee-is-cell = This group belongs to a cell; it cannot receive the committee's reports.
register-committee-not-found = The assistant cannot find the channel or group “{ $chat }”. Please check the name and add the assistant to it as an admin allowed to post.
register-committee-bot-cannot-post = The assistant cannot post in “{ $chat }” yet. Please make it an admin allowed to post messages, then try again.
register-committee-caller-not-admin = You need to be an admin of “{ $chat }” to register it for the committee's reports.
register-committee-done = “{ $chat }” will now receive the monthly digest and alerts of { $organisation }.
register-committee-hello = This chat will receive the monthly digest and alerts of the Party Cell Assistant for { $organisation }.
org-name-usage = Usage: /org_name <organisation name>, for example: /org_name Ben Thanh Ward Party Committee
org-name-done = The organisation is now called { $organisation }.
