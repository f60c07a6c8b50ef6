// Placeholder so the ui library has a source until the widgets land.
namespace longitude::ui {
int uiPlaceholder() { return 0; }
}
