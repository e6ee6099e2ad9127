package dev.homeostat.apps.tradesignals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.tradesignals.state.KafkaSymbolStateStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the Kafka state store (and its compacted topic, if missing) on the app's cluster. */
public class StateStoreProducer {

    @Produces
    @Singleton
    KafkaSymbolStateStore stateStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                     TradeSignalsConfig config, ObjectMapper mapper) {
        KafkaSymbolStateStore store = new KafkaSymbolStateStore(bootstrapServers, config.stateTopic(), mapper);
        store.ensureTopic(config.statePartitions(), config.restoreTimeout());
        return store;
    }

    void close(@Disposes KafkaSymbolStateStore store) {
        store.close();
    }
}
