// Placeholder so the models library has a source until the document lands.
namespace longitude::models {
int modelsPlaceholder() { return 0; }
}
