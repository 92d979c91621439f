import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the platform's topics and their dead-letter topics if missing. Usage: CreateTopics <bootstrap> <topic>... */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                for (String name : List.of(args[i], args[i] + ".dlq")) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, 3, (short) 1).configs(Map.of("min.insync.replicas", "1")));
                    }
                }
            }
            admin.createTopics(missing).all().get();
            missing.forEach(topic -> System.out.println("created " + topic.name()));
        }
    }
}
