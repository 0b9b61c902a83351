package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a scale changes, decided from the formation's plan and the containers that run: for each type the order
 * names, the containers missing are added (numbered after those that run) and the surplus, the last by name, removed;
 * every other container is kept.
 *
 * @param added the containers to start
 * @param kept the running containers that stay, of every type
 * @param removed the running containers to retire
 */
record ScaleChange(List<ProcessPlan.Process> added, List<ContainerInfo> kept, List<ContainerInfo> removed) {

    static ScaleChange of(Set<String> named, List<ProcessPlan.Process> plan, List<ContainerInfo> running) {
        Map<String, List<ProcessPlan.Process>> planned = plan.stream()
                .collect(Collectors.groupingBy(ProcessPlan.Process::type, TreeMap::new, Collectors.toList()));
        Map<String, List<ContainerInfo>> runningByType = running.stream()
                .sorted(Comparator.comparing(ContainerInfo::name))
                .collect(Collectors.groupingBy(ScaleChange::type, TreeMap::new, Collectors.toList()));
        List<ProcessPlan.Process> added = new ArrayList<>();
        List<ContainerInfo> kept = new ArrayList<>();
        List<ContainerInfo> removed = new ArrayList<>();
        runningByType.forEach((type, containers) -> {
            int wanted =
                    named.contains(type) ? planned.getOrDefault(type, List.of()).size() : containers.size();
            kept.addAll(containers.subList(0, Math.min(wanted, containers.size())));
            removed.addAll(containers.subList(Math.min(wanted, containers.size()), containers.size()));
        });
        for (String type : named) {
            List<ProcessPlan.Process> wanted = planned.getOrDefault(type, List.of());
            int runs = runningByType.getOrDefault(type, List.of()).size();
            for (int index = runs + 1; index <= wanted.size(); index++) {
                added.add(new ProcessPlan.Process(type, index, wanted.get(0).command()));
            }
        }
        return new ScaleChange(List.copyOf(added), List.copyOf(kept), List.copyOf(removed));
    }

    private static String type(ContainerInfo container) {
        return container.labels().getOrDefault(ContainerLabels.PROCESS_TYPE, "");
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
