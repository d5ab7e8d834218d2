package io.homeward.health.internal;

import java.util.List;

/**
 * One configuration of one DS component as the health check sees it.
 *
 * @param name                   the component name
 * @param bundle                 the symbolic name of the bundle that declares it
 * @param state                  its {@link org.osgi.service.component.runtime.dto.ComponentConfigurationDTO} state
 * @param unsatisfiedReferences  the names of references that are not satisfied
 * @param failure                why activation failed, or null
 */
record ComponentFacts(String name, String bundle, int state, List<String> unsatisfiedReferences, String failure) {

    ComponentFacts {
        unsatisfiedReferences = List.copyOf(unsatisfiedReferences);
    }
}
