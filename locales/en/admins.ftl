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
remove-admin-usage = Usage: reply /remove_admin to a message of the admin to remove, or type /remove_admin followed by their Telegram id (e.g. /remove_admin 123456789).
remove-admin-done = { $who } is no longer a committee admin.
remove-admin-not-admin = { $who } is not a committee admin, so nothing changed.
remove-admin-configured = { $who } is an admin from the system configuration (ADMIN_IDS). To remove them, whoever runs the server must take that id out of ADMIN_IDS and restart the assistant.
remove-admin-last = { $who } is the only committee admin; I do not remove the last one, so the committee always has an admin. Please add another admin with /add_admin first.

## Command descriptions

cmd-add-admin = Add a committee admin
cmd-admins = List committee admins
cmd-remove-admin = Remove an admin added by command
