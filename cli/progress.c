/* progress.c — see progress.h. */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p, long long total) {
    memset(p, 0, sizeof *p);
    const char *e = getenv("ENTENTE_PROGRESS");
    if (e && !strcmp(e, "always")) p->on = 1;
    else if (e && !strcmp(e, "never")) p->on = 0;
    else p->on = isatty(2);
    p->total = total > 0 ? total : 0;
    p->t0 = p->last = now();
}

static void draw(cli_progress *p, long stories, long events, long long done, double t) {
    double el = t - p->t0;
    double rate = el > 0 ? stories / el : 0;
    char eta[32] = "";
    if (p->total > 0 && done > 0 && done <= p->total && el > 0.2) {
        long left = (long)(el * (double)(p->total - done) / (double)done + 0.5);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60, left % 60);
    }
    char pct[16] = "";
    if (p->total > 0) snprintf(pct, sizeof pct, " %3d%%", (int)(100.0 * done / p->total));
    fprintf(stderr, "\r%s%ld stories, %.1f stories/s, %ld events%s\033[K", pct, stories, rate, events, eta);
    fflush(stderr);
    p->drawn = 1;
}

void cli_progress_update(cli_progress *p, long stories, long events, long long done) {
    if (!p->on) return;
    double t = now();
    if (t - p->last < 0.2) return;
    p->last = t;
    draw(p, stories, events, done, t);
}

void cli_progress_finish(cli_progress *p, long stories, long events, long long done) {
    if (!p->on) return;
    draw(p, stories, events, done, now());
    fputc('\n', stderr);
}
