package com.tierpoint.core.program.application;

/** No program has been stored yet: nothing can be earned or enrolled until one is. */
public class ProgramNotConfigured extends RuntimeException {

    public ProgramNotConfigured() {
        super("no membership program is configured yet; call ProgramService.UpdateProgram first", null, false, false);
    }
}
