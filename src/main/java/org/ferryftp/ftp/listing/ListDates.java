package org.ferryftp.ftp.listing;

import org.ferryftp.session.TimePrecision;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dates and times of LIST lines: month names in the languages servers are seen to use, two- and
 * three-digit years, 12-hour clocks, and the year of a date shown without one. A LIST line carries no
 * time zone, so times are taken as UTC, as everywhere in Ferry's listings.
 */
final class ListDates {

    /** A point in time and how much of it the line gave. */
    record Stamp(LocalDateTime time, TimePrecision precision) {
        Instant instant() {
            return time.toInstant(ZoneOffset.UTC);
        }
    }

    /** A date found in a run of tokens; {@code next} is the index of the first token after it. */
    record Match(Stamp stamp, int next) {
    }

    /** A time of day; hour 24 (some servers write midnight as {@code 24:00}) means the start of the next day. */
    record TimeOfDay(int hour, int minute, int second, TimePrecision precision) {
        LocalDateTime on(LocalDate date) {
            return hour == 24 ? date.plusDays(1).atTime(0, minute, second) : date.atTime(hour, minute, second);
        }
    }

    private static final Map<String, Integer> MONTHS = months();

    private final LocalDate today;

    ListDates(Clock clock) {
        this.today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    LocalDate today() {
        return today;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = {
            // English, German, French, Italian, Spanish, Portuguese, Dutch, Scandinavian, Polish, Hungarian,
            // Czech, Finnish and Russian; full and abbreviated. "jui" is July, as FileZilla reads it.
            {"jan", "january", "januar", "jän", "jänner", "janv", "janvier", "gen", "gennaio", "ene", "enero", "januari",
                "sty", "styczeń", "janeiro", "led", "tammi", "tammik", "янв", "январь"},
            {"feb", "february", "februar", "fév", "févr", "fev", "fevr", "février", "febbraio", "febrero", "februari",
                "lut", "luty", "febr", "fevereiro", "úno", "helmi", "helmik", "фев", "февраль"},
            {"mar", "march", "mär", "märz", "mrz", "maerz", "mars", "marzo", "mrt", "maart", "marz", "márc", "marc",
                "março", "bře", "maalis", "maalisk", "мар", "март"},
            {"apr", "april", "avr", "avril", "aprile", "abr", "abril", "kwi", "kwiecień", "ápr", "dub", "huhti",
                "huhtik", "апр", "апрель"},
            {"may", "mai", "mag", "maggio", "mayo", "mei", "maj", "máj", "maio", "kvě", "touko", "toukok", "мая", "май"},
            {"jun", "june", "juni", "juin", "giu", "giugno", "junio", "cze", "czerwiec", "jún", "junho", "čvn",
                "kesä", "kesäk", "июн", "июнь"},
            {"jul", "july", "juli", "juil", "juillet", "jui", "lug", "luglio", "julio", "lip", "lipiec", "júl", "julho",
                "čvc", "heinä", "heinäk", "июл", "июль"},
            {"aug", "august", "août", "aout", "ago", "agosto", "augustus", "augusti", "sie", "sierpień", "srp", "elo",
                "elok", "авг", "август"},
            {"sep", "sept", "september", "septembre", "set", "settembre", "septiembre", "setembro", "wrz", "wrzesień",
                "szept", "zář", "syys", "syysk", "сен", "сентябрь"},
            {"oct", "october", "okt", "oktober", "octobre", "ott", "ottobre", "octubre", "out", "outubro", "paź",
                "paz", "październik", "říj", "loka", "lokak", "окт", "октябрь"},
            {"nov", "november", "novembre", "noviembre", "novembro", "lis", "listopad", "marras", "marrask", "ноя",
                "ноябрь"},
            {"dec", "december", "dez", "dezember", "déc", "décembre", "dic", "dicembre", "diciembre", "dezembro",
                "gru", "grudzień", "pro", "joulu", "jouluk", "дек", "декабрь"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    /** The month (1-12) a name stands for, ignoring case and a trailing {@code .} or {@code ,}; -1 if none. */
    static int monthName(String token) {
        String s = stripTrailing(token, ".,");
        if (s.isEmpty() || s.length() > 10 || Character.isDigit(s.charAt(0))) {
            return -1;
        }
        Integer m = MONTHS.get(s.toLowerCase(Locale.ROOT));
        return m == null ? -1 : m;
    }

    /** A day of the month (1-31) written as 1-2 digits, perhaps followed by {@code .} or {@code ,}; -1 if not. */
    static int dayOfMonth(String token) {
        int d = number(stripTrailing(token, ".,"), 2);
        return d >= 1 && d <= 31 ? d : -1;
    }

    static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The value of a run of at most maxDigits ASCII digits; -1 if s is anything else. */
    static int number(String s, int maxDigits) {
        return s.length() > maxDigits ? -1 : (int) ListSizes.digits(s);
    }

    /**
     * A year as its server meant it: four digits as written; two digits below 50 in this century and the rest
     * in the last; three digits are years since 1900 (servers that print {@code tm_year}: 103 is 2003).
     */
    static int year(String digits) {
        int y = number(digits, 4);
        if (y < 0) {
            return -1;
        }
        return switch (digits.length()) {
            case 4 -> y;
            case 3 -> 1900 + y;
            case 1, 2 -> y < 50 ? 2000 + y : 1900 + y;
            default -> -1;
        };
    }

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    /** A date, or null when the fields make no date a file could carry (years 1900 to 2100). */
    static LocalDate date(int year, int month, int day) {
        if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The date of a month and day shown without a year: the latest that is not in the future. A day of slack
     * allows for a server ahead of us by its time zone; Feb 29 goes back to the last leap year.
     */
    LocalDate withoutYear(int month, int day) {
        LocalDate limit = today.plusDays(1);
        for (int year = today.getYear(); year >= today.getYear() - 8; year--) {
            LocalDate d = date(year, month, day);
            if (d != null && !d.isAfter(limit)) {
                return d;
            }
        }
        return null;
    }

    /** {@code H:MM}, {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.ff}, optionally with AM/PM; null if not a time. */
    static TimeOfDay timeOfDay(String s) {
        int n = s.length();
        int half = 0;
        if (n > 2) {
            char a = Character.toUpperCase(s.charAt(n - 2));
            char m = Character.toUpperCase(s.charAt(n - 1));
            if ((a == 'A' || a == 'P') && m == 'M') {
                half = a == 'A' ? 1 : 2;
                n -= 2;
            }
        }
        int colon = s.indexOf(':');
        if (colon < 1 || colon > 2 || colon + 3 > n) {
            return null;
        }
        int hour = number(s.substring(0, colon), 2);
        int minute = number(s.substring(colon + 1, colon + 3), 2);
        int second = 0;
        TimePrecision precision = TimePrecision.MINUTE;
        int at = colon + 3;
        if (at < n) {
            if (s.charAt(at) != ':' || at + 3 > n) {
                return null;
            }
            second = number(s.substring(at + 1, at + 3), 2);
            precision = TimePrecision.SECOND;
            at += 3;
            if (at < n && (s.charAt(at) != '.' || number(s.substring(at + 1, n), 9) < 0)) {
                return null;
            }
        }
        if (hour < 0 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        if (half != 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half == 2 ? 12 : 0);
        }
        if (hour > 24 || hour == 24 && (minute != 0 || second != 0)) {
            return null;
        }
        return new TimeOfDay(hour, minute, second, precision);
    }

    /**
     * True for a four-digit year a file could carry. Bounded so that a number beside a month-like owner name
     * ({@code dec 10 4096}) is not taken for a year.
     */
    static boolean isYear(String s) {
        int y = s.length() == 4 ? number(s, 4) : -1;
        return y >= FIRST_YEAR && y <= LAST_YEAR;
    }

    /**
     * A compact numeric date in one token: {@code YYYY-MM-DD}, {@code YYYY/MM/DD}, {@code YYYY.MM.DD},
     * {@code DD-MM-YYYY}, {@code MM/DD/YY}, {@code DD.MM.YY}, {@code DD-mon-YY} and the like. Day and month are
     * told apart by which one is over 12; when both could be either, {@code .} means day first and {@code -} or
     * {@code /} month first. Null if the token is not such a date.
     */
    static LocalDate compactDate(String s) {
        char sep = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '/' || c == '.') {
                sep = c;
                break;
            }
        }
        if (sep == 0) {
            return null;
        }
        int a = s.indexOf(sep);
        int b = s.indexOf(sep, a + 1);
        if (b < 0 || s.indexOf(sep, b + 1) >= 0) {
            return null;
        }
        String p0 = s.substring(0, a);
        String p1 = s.substring(a + 1, b);
        String p2 = s.substring(b + 1);
        if (p0.length() == 4) {
            return date(number(p0, 4), number(p1, 2), number(p2, 2));
        }
        int year = year(p2);
        if (year < 0 || p0.length() > 2) {
            return null;
        }
        int named = monthName(p1);
        if (named > 0) {
            return date(year, named, number(p0, 2));
        }
        int x = number(p0, 2);
        int y = number(p1, 2);
        if (x < 0 || y < 0) {
            return null;
        }
        boolean dayFirst = x > 12 || y <= 12 && sep == '.';
        return dayFirst ? date(year, y, x) : date(year, x, y);
    }

    /**
     * A Unix-style date starting at token i: {@code Mon DD HH:MM|YYYY}, {@code DD. Mon[.,] HH:MM|YYYY} (German and
     * other day-first locales), {@code Mon DD, YYYY HH:MM}, numeric {@code M D HH:MM|YYYY}, {@code MM-DD HH:MM|YYYY},
     * compact dates with an optional time, and East Asian dates with year/month/day markers in any encoding.
     */
    Match unixDate(ListTokens t, int i) {
        String a = t.get(i);
        if (a.isEmpty()) {
            return null;
        }
        String b = t.get(i + 1);
        int month = monthName(a);
        if (month > 0) {
            int day = dayOfMonth(b);
            return day > 0 ? monthDayThen(month, day, t, i + 2, b.endsWith(",")) : null;
        }
        int day = dayOfMonth(a);
        if (day > 0) {
            int named = monthName(b);
            if (named > 0) {
                return monthDayThen(named, day, t, i + 2, false);
            }
            int second = number(b, 2);
            if (a.length() <= 2 && day <= 12 && second >= 1 && second <= 31) {
                return monthDayThen(day, second, t, i + 2, false);
            }
        }
        Match compact = compactThen(t, i);
        return compact != null ? compact : eastAsian(t, i);
    }

    /** After a month and day: a time (the year is then implied), or a year, or after {@code DD,} a year and a time. */
    private Match monthDayThen(int month, int day, ListTokens t, int i, boolean comma) {
        String c = t.get(i);
        TimeOfDay time = timeOfDay(c);
        if (time != null) {
            LocalDate d = withoutYear(month, day);
            return d == null ? null : new Match(new Stamp(time.on(d), time.precision()), i + 1);
        }
        String year = stripTrailing(c, ",");
        if (!isYear(year)) {
            return null;
        }
        LocalDate d = date(number(year, 4), month, day);
        if (d == null) {
            return null;
        }
        TimeOfDay after = comma ? timeOfDay(t.get(i + 1)) : null;
        return after != null ? new Match(new Stamp(after.on(d), after.precision()), i + 2)
                : new Match(new Stamp(d.atStartOfDay(), TimePrecision.DAY), i + 1);
    }

    private Match compactThen(ListTokens t, int i) {
        String a = t.get(i);
        String b = t.get(i + 1);
        int dash = a.indexOf('-');
        if (a.length() == 5 && dash == 2) {
            // MM-DD followed by a year or a time
            int month = number(a.substring(0, 2), 2);
            int day = number(a.substring(3), 2);
            return month > 0 && day > 0 ? monthDayThen(month, day, t, i + 1, false) : null;
        }
        LocalDate d = compactDate(a);
        if (d == null) {
            return null;
        }
        TimeOfDay time = timeOfDay(b);
        if (time == null) {
            return new Match(new Stamp(d.atStartOfDay(), TimePrecision.DAY), i + 1);
        }
        // ls --full-time adds the zone: 2021-03-04 05:06:07.123456789 +0100
        int offset = zoneOffsetMinutes(t.get(i + 2));
        return offset == NO_OFFSET ? new Match(new Stamp(time.on(d), time.precision()), i + 2)
                : new Match(new Stamp(time.on(d).minusMinutes(offset), time.precision()), i + 3);
    }

    private static final int NO_OFFSET = Integer.MIN_VALUE;

    /** {@code +0100} or {@code -0530} in minutes east of UTC, or NO_OFFSET. */
    private static int zoneOffsetMinutes(String s) {
        if (s.length() != 5 || s.charAt(0) != '+' && s.charAt(0) != '-') {
            return NO_OFFSET;
        }
        int hours = number(s.substring(1, 3), 2);
        int minutes = number(s.substring(3), 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return NO_OFFSET;
        }
        return (s.charAt(0) == '-' ? -1 : 1) * (hours * 60 + minutes);
    }

    /**
     * East Asian dates: numbers followed by year/month/day markers (年 月 日, 년 월 일) or, when the listing was
     * decoded with another charset, by whatever non-ASCII characters those bytes became. Shapes:
     * {@code [YYYY[年]] M月 D[日] [HH:MM]} and {@code M月 D[日] HH:MM|YYYY[年]}.
     */
    private Match eastAsian(ListTokens t, int i) {
        int[] glued = gluedMarkedNumbers(t.get(i));
        if (glued != null) {
            return gluedEastAsian(glued, t, i);
        }
        int first = markedNumber(t.get(i));
        String a = t.get(i);
        int at = i;
        int year = -1;
        if (isYear(a) || first >= FIRST_YEAR) {
            year = isYear(a) ? number(a, 4) : first;
            at = i + 1;
            first = markedNumber(t.get(at));
        }
        if (first < 1 || first > 12) {
            return null;
        }
        String dayToken = t.get(at + 1);
        int day = markedNumber(dayToken);
        if (day < 0) {
            day = number(dayToken, 2);
        }
        if (day < 1 || day > 31) {
            return null;
        }
        String after = t.get(at + 2);
        TimeOfDay time = timeOfDay(after);
        if (year > 0) {
            LocalDate d = date(year, first, day);
            if (d == null) {
                return null;
            }
            return time != null ? new Match(new Stamp(time.on(d), time.precision()), at + 3)
                    : new Match(new Stamp(d.atStartOfDay(), TimePrecision.DAY), at + 2);
        }
        if (time != null) {
            LocalDate d = withoutYear(first, day);
            return d == null ? null : new Match(new Stamp(time.on(d), time.precision()), at + 3);
        }
        int y = isYear(after) ? number(after, 4) : markedNumber(after);
        LocalDate d = date(y, first, day);
        return d == null ? null : new Match(new Stamp(d.atStartOfDay(), TimePrecision.DAY), at + 3);
    }

    /** {@code 3月15日 10:20}, {@code 2020年3月15日}: month and day (and year) in one token. */
    private Match gluedEastAsian(int[] n, ListTokens t, int i) {
        String after = t.get(i + 1);
        TimeOfDay time = timeOfDay(after);
        LocalDate d;
        if (n.length == 3) {
            d = date(n[0], n[1], n[2]);
        } else if (time != null) {
            d = withoutYear(n[0], n[1]);
        } else {
            int y = isYear(after) ? number(after, 4) : markedNumber(after);
            d = date(y, n[0], n[1]);
            return d == null ? null : new Match(new Stamp(d.atStartOfDay(), TimePrecision.DAY), i + 2);
        }
        if (d == null) {
            return null;
        }
        return time != null ? new Match(new Stamp(time.on(d), time.precision()), i + 2)
                : new Match(new Stamp(d.atStartOfDay(), TimePrecision.DAY), i + 1);
    }

    /**
     * Two or three numbers each followed by a non-ASCII marker, the last marker optional ({@code 3月15日},
     * {@code 3月15}, {@code 2020年3月15日}); null for anything else.
     */
    static int[] gluedMarkedNumbers(String s) {
        int[] found = new int[3];
        int count = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start || i - start > 4 || count == 3) {
                return null;
            }
            found[count++] = number(s.substring(start, i), 4);
            int marker = i;
            while (i < n && s.charAt(i) >= 0x80) {
                i++;
            }
            if (i - marker > 3 || i == marker && i < n) {
                return null;
            }
        }
        return count >= 2 ? java.util.Arrays.copyOf(found, count) : null;
    }

    /** The number in a token such as {@code 4月} or {@code 2005년}: ASCII digits then only non-ASCII characters; -1 if not. */
    static int markedNumber(String s) {
        int digits = 0;
        while (digits < s.length() && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits == s.length() || digits > 4 || s.length() - digits > 3) {
            return -1;
        }
        // A double-byte marker decoded with the wrong charset may end in an ASCII byte (Shift-JIS 年 is 0x94 0x4E).
        if (s.charAt(digits) < 0x80) {
            return -1;
        }
        return number(s.substring(0, digits), 4);
    }
}
