package nl.burnoutprofiler.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.server.Tokens;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens for programs.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token and print it once; only its hash is stored.")
    static final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "A name for the token, e.g. the program using it.")
        String name;

        @Option(names = "--role", required = true, description = "coach, case-manager, admin or integrator.")
        String role;

        @Option(names = "--user", description = "For a coach or case-manager token: the user it acts for.")
        String user;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsedRole = Role.fromId(role);
            String token = Tokens.newToken();
            try (Database db = Database.open(database.settings())) {
                Tokens.create(db, name, parsedRole, user, token, "command line");
            }
            spec.commandLine().getOut().println(token);
            return 0;
        }
    }
}
