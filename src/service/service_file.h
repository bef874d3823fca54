/*
 * service_file.h: writing a file for people privately and atomically
 * (service_file.c), for the writers of the service layer that need a name
 * to write to (libxlsxwriter).
 */
#ifndef JZZ_SERVICE_FILE_H
#define JZZ_SERVICE_FILE_H

#include <stddef.h>

#include "jzz/service.h"

/* Fills the file at tmp (already made, empty, 0600); 0, or -1 with err. */
typedef int (*service_file_fill)(const char *tmp, void *ctx, char *err, size_t errlen);

/* Makes path anew through fill: 0, or -1 with err filled and path as it was. */
int service_file_replace(const char *path, service_file_fill fill, void *ctx, char *err,
                         size_t errlen);

#endif
