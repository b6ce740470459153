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
# generated sources (tables built from Debian/npm data at build time) go here
GEN_SRC := $(sort $(wildcard $(BUILD)/gen/*.c))

.PHONY: all check test asan demo deps clean bench fuzz
all: $(BUILD)/entente $(BUILD)/unit-tests

$(BUILD)/libentente.a: $(LIB_OBJ)
	@mkdir -p $(@D)
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
check test: all
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	        LDFLAGS="-fsanitize=address,undefined" check

deps:
	@sh scripts/install-deps.sh

demo: deps all
	@sh scripts/demo.sh

bench: all
	@sh bench/run.sh

clean:
	rm -rf build build-asan entente

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
