package com.tierpoint.core;

import com.tierpoint.core.cli.TierpointCli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The loyalty core. {@code java -jar core-server.jar} starts the server;
 * {@code java -jar core-server.jar cli ...} runs the command-line client instead.
 */
@SpringBootApplication
public class TierpointCoreApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("cli")) {
            System.exit(TierpointCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(TierpointCoreApplication.class, args);
    }
}
