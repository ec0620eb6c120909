package dev.troupe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The services on the class path: every {@link TroupeService} configuration under this package, read once. */
public final class ServiceCatalog {

    private static volatile List<String> names;

    private ServiceCatalog() {
    }

    /** Their names, sorted. */
    public static List<String> names() {
        if (names == null) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(TroupeService.class));
            names = List.copyOf(scanner.findCandidateComponents(ServiceCatalog.class.getPackageName()).stream()
                .map(candidate -> nameOf(((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) candidate)
                    .getMetadata()))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }
        return names;
    }

    static String nameOf(AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(TroupeService.class.getName());
        return (String) Objects.requireNonNull(attributes).get("name");
    }
}
