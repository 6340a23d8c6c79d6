package org.ferryftp.ui.search;

import java.util.List;

/** The questions a search asks its user; behind an interface so the view model is tested without a stage. */
public interface SearchDialogs {

    boolean confirmDelete(List<SearchHit> hits);
}
