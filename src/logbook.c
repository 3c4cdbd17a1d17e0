#include "logbook.h"

#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>

static FILE *log_file;

bool logbook_open(const char *path)
{
	if (path == NULL) {
		openlog("lgma", LOG_PID, LOG_USER);
		return true;
	}
	log_file = fopen(path, "a");
	return log_file != NULL;
}

void logbook_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	else
		closelog();
	log_file = NULL;
}

static void line(const char *text)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	if (log_file == NULL) {
		syslog(LOG_WARNING, "%s", text);
		return;
	}
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", localtime_r(&now, &tm));
	fprintf(log_file, "%s lgma: %s\n", stamp, text);
	fflush(log_file);
}

void logbook_message(const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	line(text);
}

void logbook_diags(const struct diag_list *diags)
{
	static const char *const names[] = {"error", "warning", "note"};

	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		logbook_message("%s:%u:%u: %s: %s", d->file, d->line, d->column, names[d->severity], d->message);
	}
}
