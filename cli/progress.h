/* progress.h — a one-line progress display for long CLI runs (stories/s, events, ETA) on
 * stderr.  It draws only when stderr is a terminal, so pipes and logs stay clean;
 * ENTENTE_PROGRESS=always|never overrides the check. */
#ifndef ENT_CLI_PROGRESS_H
#define ENT_CLI_PROGRESS_H

typedef struct cli_progress {
    int on;
    double t0, last;
    long long total;        /* total work units (e.g. input bytes), 0 when unknown */
    int drawn;
} cli_progress;

void cli_progress_init(cli_progress *p, long long total);
/* Redraw (at most ~5 times a second) with counts so far and work units done. */
void cli_progress_update(cli_progress *p, long stories, long events, long long done);
/* Final redraw and newline (only if anything was drawn). */
void cli_progress_finish(cli_progress *p, long stories, long events, long long done);

#endif
