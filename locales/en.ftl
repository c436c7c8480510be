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
