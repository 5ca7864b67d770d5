// OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>

/// Sets the number of threads OpenBLAS uses (declared here in case cblas.h is a reference CBLAS header).
void openblas_set_num_threads(int num_threads);
/// Returns the number of threads OpenBLAS uses.
int openblas_get_num_threads(void);
