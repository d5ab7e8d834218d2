package io.homeward.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.homeward.console.internal.overview.OverviewPage;

class ConsoleMenuTest {
    @Test
    void listsThePagesInTaskOrderAndMarksTheCurrentOne() {
        String html = ConsoleMenu.render("/system/console", ConsoleMenu.NETWORK);
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<]+)</a>").matcher(html);
        while (m.find()) {
            titles.add(m.group(1));
        }
        assertEquals(List.of("Overview", "Machines", "Add a machine", "Network", "Rendezvous", "Settings"), titles);
        assertTrue(html.contains("<a href=\"/system/console/homeward-network\" class=\"current\" aria-current=\"page\">"));
        assertEquals(1, html.split("aria-current", -1).length - 1);
    }

    @Test
    void theWebConsolesMenuSortsTheTitlesItGetsIntoTaskOrderAndShowsTheTabsNames() {
        List<String> titles = List.of(ConsoleMenu.MENU_SETTINGS, ConsoleMenu.MENU_NETWORK, ConsoleMenu.MENU_OVERVIEW,
                ConsoleMenu.MENU_ADD_MACHINE, ConsoleMenu.MENU_RENDEZVOUS, ConsoleMenu.MENU_MACHINES);
        List<String> sorted = new ArrayList<>(titles);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(ConsoleMenu.ENTRIES.stream().map(ConsoleMenu.Entry::title).toList(),
                sorted.stream().map(String::strip).toList());
    }

    @Test
    void escapesTheConsoleRoot() {
        assertTrue(ConsoleMenu.render("/a\"b", ConsoleMenu.OVERVIEW).contains("href=\"/a&quot;b/homeward-overview\""));
    }

    @Test
    void theOverviewPageIsTheMenusOverviewEntry() {
        assertEquals(OverviewPage.LABEL, ConsoleMenu.OVERVIEW.label());
    }
}
