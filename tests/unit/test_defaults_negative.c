/* test_defaults_negative.c — phrasings the bundled dictionaries must NOT turn into the
 * event their verb suggests (issue #5's false events): attending a ceremony is no visit,
 * quoting someone is no statement by them, an ouster is no expulsion, a coup is no
 * diplomatic act, a court "ruling" with no finding against anyone is no 116. */
#include "defaults_fixture.h"

/* Does text (coded as a one-sentence story on date) yield an event of code (exact, or a
 * 2-digit root)? */
static int yields(dfx *f, const char *text, long date, const char *code) {
    return dfx_has(f, text, date, code, NULL);
}

TEST(defaults_negative_phrasings) {
    dfx f;
    CHECK(dfx_open(&f, 0));
    if (!f.d) return;
    /* attending a ceremony with other leaders is no visit to them */
    CHECK_INT(yields(&f, "Putin is among the foreign leaders attending the ceremony, which includes the Saudi crown prince.",
                     20220204, "042"), 0);
    /* ... but attending a summit abroad is */
    CHECK_INT(yields(&f, "Modi attended a summit in Moscow.", 20240708, "042"), 1);
    /* state media quoting a leader is no statement addressed to him */
    CHECK_INT(yields(&f, "Chinese state media quoted Putin on the friendship.", 20220204, "010"), 0);
    /* an ouster in a coup is no expulsion */
    CHECK_INT(yields(&f, "Soldiers in Gabon ousted President Ali Bongo.", 20230830, "166"), 0);
    /* ... but ousting diplomats is */
    CHECK_INT(yields(&f, "Mali ousted the French ambassador.", 20220131, "166"), 1);
    /* a general strike by unions is no armed attack */
    CHECK_INT(yields(&f, "French unions staged a general strike against the government.", 20230119, "19"), 0);
    dfx_close(&f);
}

/* Issue 12 (II): the senses the new object patterns must not reach.  Swearing in, swearing
 * allegiance or vowing to fight a social ill is no threat; repeating a position is no
 * demand; denying a report is no rejection; receiving goods is no acceptance of inspectors;
 * engaging in talks is no violence. */
TEST(defaults_negative_issue12_senses) {
    dfx f;
    CHECK(dfx_open(&f, 0));
    if (!f.d) return;
    CHECK_INT(dfx_code(&f, "The new Kenyan president was sworn in on Monday.", 20200101), 0);
    CHECK_INT(yields(&f, "Afghan soldiers swore allegiance to the new government.", 20200101, "13"), 0);
    CHECK_INT(yields(&f, "The Nigerian president promised to fight corruption.", 20200101, "138"), 0);
    CHECK_INT(yields(&f, "Brazil vowed to fight poverty and hunger.", 20200101, "138"), 0);
    CHECK_INT(yields(&f, "Japan reiterated its position on the islands.", 20200101, "10"), 0);
    CHECK_INT(yields(&f, "India repeated the figures in parliament.", 20200101, "10"), 0);
    CHECK_INT(yields(&f, "Russia denied the reports.", 20200101, "12"), 0);
    CHECK_INT(yields(&f, "Pakistan denied any involvement in the attack.", 20200101, "12"), 0);
    CHECK_INT(yields(&f, "Kenya received a shipment of wheat from Ukraine.", 20200101, "086"), 0);
    CHECK_INT(yields(&f, "Kenya received a shipment of wheat from Ukraine.", 20200101, "0862"), 0);
    CHECK_INT(yields(&f, "Germany and France engaged in talks on trade.", 20200101, "20"), 0);
    CHECK_INT(yields(&f, "Germany and France engaged in talks on trade.", 20200101, "19"), 0);
    CHECK_INT(yields(&f, "Kurdish prisoners staged a hunger strike on Monday against the Turkish government.", 20200101, "19"), 0);
    CHECK_INT(yields(&f, "Nigerian unions launched a general strike on Monday against the government.", 20200101, "19"), 0);
    CHECK_INT(yields(&f, "China gave a warm welcome to the Pakistani prime minister.", 20200101, "07"), 0);
    CHECK_INT(yields(&f, "Japan gave $5 million to Nepal.", 20200101, "07"), 1);
    dfx_close(&f);
}

/* How many events does text (one sentence, one story) yield? -1 when it cannot be analysed. */
static int count_events(dfx *f, const char *text, long date) { return dfx_code(f, text, date); }

/* Wire sentences with no political event at all: weather and disasters, markets, sport,
 * rescues and evacuations of one's own people, receiving things rather than visitors,
 * defending or congratulating no one in particular. */
TEST(defaults_negative_no_event_news) {
    static const char *none[] = {
        "Hurricane Helene slammed into the coast of Florida overnight.",
        "A strong earthquake struck eastern Afghanistan on Sunday.",
        "Floods killed dozens of people in southern Brazil.",
        "Shares of the carmaker fell 5 percent in early trading.",
        "Oil prices jumped after the storm shut refineries in Texas.",
        "Brazil beat Germany on penalties.",
        "Spain beat Italy to top the medal table.",
        "Italian firefighters rescued two hikers in the Alps.",
        "Japan evacuated its citizens from Lebanon.",
        "Macron defended his budget in a radio interview.",
        "Pakistan's army chief congratulated the nation on the anniversary.",
        "Chile received thousands of tonnes of relief goods after the fires.",
        "Ministers gathered in Rome for the annual meeting.",
        "Qatar Airways signed a deal to buy a stake in a British airline.",
        "The Bank of England held interest rates and signalled cuts later this year.",
        "Iran's president was killed in a helicopter crash in the mountains.",
        "Dozens of Indian pilgrims were killed in a stampede at a temple.",
        "The United States offered a reward for information on the hackers.",
        "Nigeria declared the opposition candidate the winner of the election.",
    };
    dfx f;
    CHECK(dfx_open(&f, 0));
    if (!f.d) return;
    for (size_t k = 0; k < sizeof none / sizeof *none; k++) {
        int n = count_events(&f, none[k], 20240601);
        if (n != 0) fprintf(stderr, "  unexpected event(s) from: %s\n", none[k]);
        CHECK_INT(n, 0);
    }
    /* the narrower verbs still code the political uses */
    CHECK_INT(yields(&f, "Israeli commandos rescued three hostages in Gaza.", 20240601, "190"), 1);
    CHECK_INT(yields(&f, "Germany evacuated its diplomats from Sudan.", 20230424, "161"), 1);
    CHECK_INT(yields(&f, "Xi received Putin in Beijing.", 20240516, "043"), 1);
    CHECK_INT(yields(&f, "China defended Russia against Western criticism.", 20240601, "052"), 1);
    CHECK_INT(yields(&f, "Putin congratulated Trump on his election victory.", 20241107, "051"), 1);
    CHECK_INT(yields(&f, "Israeli troops killed a Hamas commander in Gaza.", 20240601, "186"), 1);
    dfx_close(&f);
}
