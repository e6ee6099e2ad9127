package dev.homeostat.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.DeploymentModel;
import dev.homeostat.operator.model.WorkloadStatusModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded mode's table rendering. */
class StatusTableTest {

    @Test
    void rendersOneAlignedRowPerWorkloadSortedByKindThenName() {
        // given one reconciled service and one stream app without status yet
        var service = Examples.fixedPortfolio("trading");
        service.replaceStatus(WorkloadStatusModel.reconciled(service, DeploymentModel.forMicroService(service), List.of(),
                Instant.parse("2026-11-22T08:00:00Z")));
        var app = Examples.streamApp("fraud-scoring", "risk");

        // when
        String table = StatusTable.render(List.<Workload>of(app, service));

        // then
        assertEquals("""
                NAMESPACE/NAME      KIND          MODE        REPLICAS/DESIRED  READY  REASON
                trading/portfolio   MicroService  Fixed       0/3               False  ReplicasNotReady: 0/3 replicas ready
                risk/fraud-scoring  StreamApp     Predictive  -/-               -      -
                """, table);
    }
}
