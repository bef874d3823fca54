/*
 * ui_demo.c: the training database of `jzz demo`.
 *
 * Why so little here: the training database, its mark, its demo accounts
 * (with the passwords the login screen shows) and its demo persons belong to
 * the service layer (service_init_training), which makes them by running the
 * businesses on earlier days, so that the records are exactly what the
 * counters would have written. The terminal only asks for it when the file
 * is not there yet; an existing file is opened as it is, so that a training
 * session goes on where it was (the trainer resets it with `jzz training`).
 */
#include "uipriv.h"


#define UI_DEMO_CENTRE "310105009"

int
ui_demo_prepare(const char *path, jzz_date today, const char *holidays, char *err, size_t errlen)
{
	if (path == NULL)
		return -1;
	if (service_db_exists(path))
		return 0;
	if (service_init_training(path, UI_DEMO_CENTRE, holidays, today, err, errlen) != SERVICE_OK)
		return -1;
	return 0;
}
