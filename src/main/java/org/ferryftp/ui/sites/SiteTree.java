package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An immutable snapshot of the site manager's tree: folders (nested, sorted by name) holding sites,
 * filtered by a search text. The view turns it into tree items; tests read it directly.
 */
public record SiteTree(Node root) {

    /** What a tree row stands for. */
    public sealed interface Key {
    }

    /** A folder by its path, outermost first; the empty path is the top level. */
    public record FolderKey(List<String> path) implements Key {
        public FolderKey {
            path = List.copyOf(path);
        }

        public String name() {
            return path.isEmpty() ? "" : path.get(path.size() - 1);
        }
    }

    /** A site by its profile id. */
    public record SiteKey(String id) implements Key {
    }

    /** One row: its key, label, and children (folders first). */
    public record Node(Key key, String label, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }

        /** Every node below this one, depth first. */
        public List<Node> flatten() {
            List<Node> out = new ArrayList<>();
            for (Node c : children) {
                out.add(c);
                out.addAll(c.flatten());
            }
            return out;
        }
    }

    /** Builds the tree; with a search text only matching sites, and folders on their path or matching, remain. */
    public static SiteTree of(List<SiteProfile> sites, List<List<String>> folders, String search) {
        String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Set<List<String>> allFolders = new LinkedHashSet<>();
        for (List<String> f : folders) {
            addWithParents(allFolders, f);
        }
        for (SiteProfile s : sites) {
            addWithParents(allFolders, s.folder());
        }
        List<SiteProfile> shown = sites.stream().filter(s -> q.isEmpty() || matches(s, q)).toList();
        return new SiteTree(folder(List.of(), allFolders, shown, q));
    }

    private static Node folder(List<String> path, Set<List<String>> folders, List<SiteProfile> sites, String q) {
        List<Node> children = new ArrayList<>();
        folders.stream().filter(f -> f.size() == path.size() + 1 && f.subList(0, path.size()).equals(path))
                .sorted(Comparator.comparing(f -> f.get(f.size() - 1).toLowerCase(Locale.ROOT)))
                .map(f -> folder(f, folders, sites, q))
                .filter(n -> q.isEmpty() || !n.children().isEmpty()
                        || ((FolderKey) n.key()).name().toLowerCase(Locale.ROOT).contains(q))
                .forEach(children::add);
        sites.stream().filter(s -> s.folder().equals(path))
                .sorted(Comparator.comparing((SiteProfile s) -> s.name().toLowerCase(Locale.ROOT)))
                .forEach(s -> children.add(new Node(new SiteKey(s.id()), s.name(), List.of())));
        return new Node(new FolderKey(path), path.isEmpty() ? "" : path.get(path.size() - 1), children);
    }

    private static void addWithParents(Set<List<String>> into, List<String> path) {
        for (int i = 1; i <= path.size(); i++) {
            into.add(List.copyOf(path.subList(0, i)));
        }
    }

    private static boolean matches(SiteProfile s, String q) {
        return s.path().toLowerCase(Locale.ROOT).contains(q) || s.host().toLowerCase(Locale.ROOT).contains(q)
                || s.user().toLowerCase(Locale.ROOT).contains(q) || s.notes().toLowerCase(Locale.ROOT).contains(q);
    }

    /** Labels of every row, indented by depth: for tests and debugging. */
    public List<String> outline() {
        List<String> out = new ArrayList<>();
        outline(root, 0, out);
        return out;
    }

    private static void outline(Node n, int depth, List<String> out) {
        for (Node c : n.children()) {
            out.add("  ".repeat(depth) + (c.key() instanceof FolderKey ? c.label() + "/" : c.label()));
            outline(c, depth + 1, out);
        }
    }
}
