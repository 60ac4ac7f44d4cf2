package com.tierpoint.core.program.grpc;

import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.application.UpdatingProgram;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class ProgramGrpcService extends ProgramServiceGrpc.ProgramServiceImplBase {

    private final ProgramStore programs;
    private final UpdatingProgram updating;

    ProgramGrpcService(ProgramStore programs, UpdatingProgram updating) {
        this.programs = programs;
        this.updating = updating;
    }

    @Override
    public void getProgram(GetProgramRequest request, StreamObserver<com.tierpoint.proto.v1.Program> out) {
        out.onNext(ProgramProtos.toProto(programs.current()));
        out.onCompleted();
    }

    @Override
    public void updateProgram(UpdateProgramRequest request, StreamObserver<com.tierpoint.proto.v1.Program> out) {
        Program program = ProgramProtos.fromProto(request.getProgram());
        Program saved = updating.update(
                Protos.key(request.getIdempotencyKey()),
                new UpdatingProgram.Command(program, request.getExpectedVersion()),
                ProgramProtos.tiers(request.getProgram().getTiersList()));
        out.onNext(ProgramProtos.toProto(saved));
        out.onCompleted();
    }
}
