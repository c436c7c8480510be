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

## Command descriptions

cmd-add-admin = Add a committee admin
cmd-admins = List committee admins
