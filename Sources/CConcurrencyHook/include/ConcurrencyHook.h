#ifndef RHYTHM_CONCURRENCY_HOOK_H
#define RHYTHM_CONCURRENCY_HOOK_H

/// Sets Swift Concurrency's `swift_task_enqueueGlobal_hook`: the function the runtime calls
/// for every job bound for the global executor, given the job and the runtime's own enqueue
/// function. `hook` is a thin Swift function of that shape.
///
/// The variable is reached by the linker, not by `dlsym`: a binary built with
/// `-static-stdlib` links the runtime in without exporting its symbols.
void rhythm_set_enqueue_global_hook(const void *hook);

#endif
