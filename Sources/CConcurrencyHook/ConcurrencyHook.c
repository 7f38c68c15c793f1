#include "ConcurrencyHook.h"

extern const void *swift_task_enqueueGlobal_hook;

void rhythm_set_enqueue_global_hook(const void *hook) {
    swift_task_enqueueGlobal_hook = hook;
}
