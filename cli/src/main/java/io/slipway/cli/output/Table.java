package io.slipway.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned by their widest cell, for people; the last column is not padded. */
public final class Table {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** A null cell shows as empty. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " cells expected, not " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    public String render(Style style) {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        append(text, headers, widths, style, true);
        for (List<String> row : rows) {
            append(text, row, widths, style, false);
        }
        return text.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(headers);
        return all;
    }

    private static void append(StringBuilder text, List<String> cells, int[] widths, Style style, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            line.append(last ? cell : cell + " ".repeat(widths[i] - cell.length()) + GAP);
        }
        String plain = line.toString().stripTrailing();
        text.append(header ? style.bold(plain) : plain).append('\n');
    }
}
