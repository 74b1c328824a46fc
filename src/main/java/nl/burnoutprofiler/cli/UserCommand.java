package nl.burnoutprofiler.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.server.Passwords;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the people who sign in.",
        subcommands = UserCommand.Create.class)
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user; the password is asked for (or read from standard input), never an argument.")
    static final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Username used to sign in.")
        String name;

        @Option(names = "--display-name", description = "Name shown in the application (default: the username).")
        String displayName;

        @Option(names = "--role", required = true, description = "coach, case-manager or admin.")
        String role;

        @Option(names = "--manager", description = "For a coach: the case manager assigned to them.")
        String manager;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsedRole = Role.fromId(role);
            String password = readPassword();
            try (Database db = Database.open(database.settings())) {
                db.users().create(name, displayName == null ? name : displayName, parsedRole,
                        Passwords.hash(password), manager);
            }
            spec.commandLine().getOut().println("created " + parsedRole.id() + " " + name);
            return 0;
        }

        /** From the terminal without echo, or the first line of standard input when there is no terminal. */
        private String readPassword() {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Password for %s (at least %d characters): ", name,
                        Passwords.MIN_LENGTH);
                return typed == null ? "" : new String(typed);
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input", e);
            }
        }
    }
}
