package com.tierpoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine was doing: the 1-minute load average, as {@code uptime} shows it. */
final class Machine {

    private Machine() {}

    static double load1() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Double.parseDouble(f[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
