package dev.homeostat.apps.tradesignals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.homeostat.apps.tradesignals.domain.Quote;
import dev.homeostat.apps.tradesignals.domain.QuoteStreams;
import dev.homeostat.kafka.testing.BrokerLossShutdown;
import org.junit.jupiter.api.Test;

/** The packaged app, run as a process, exits within Kubernetes' 30 s grace after SIGTERM while the broker is down. */
class ShutdownWithoutBrokerIT {

    @Test
    void exitsWithinTheGracePeriodAfterSigtermWithTheBrokerGone() throws Exception {
        BrokerLossShutdown.assertExitsWithinGrace("quotes:3,orders:3,quotes-dlq:1",
                Map.of("trade-signals.checkpoint-interval", "PT0.2S"), "assigned quotes partitions", broker -> {
                    // quotes that trigger orders: the broker goes away with orders and checkpoints pending
                    List<Quote> quotes = new ArrayList<>();
                    for (int s = 0; s < 8; s++) {
                        quotes.addAll(QuoteStreams.wave("STOP-" + s, 2_500, 40, s));
                    }
                    new QuoteTraffic(broker.bootstrapServers()).send(quotes);
                });
    }
}
