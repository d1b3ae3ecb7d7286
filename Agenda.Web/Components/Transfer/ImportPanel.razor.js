// Drag and drop for the import panel. While the panel is open, a file dragged over any part of the page lights up the
// drop zone, and dropping it anywhere hands it to the panel's file input as if it had been chosen there, so Blazor's
// InputFile reads it as usual. Without this the browser would open the dropped file in place of the page.
const attached = new WeakMap();

const carriesFiles = event => event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files");

export function attach(zone, input) {
    const over = event => {
        if (!carriesFiles(event)) return;
        event.preventDefault(); // allows the drop
        event.dataTransfer.dropEffect = input.disabled ? "none" : "copy";
        zone.dataset.dragging = "";
    };
    // relatedTarget is null only when the drag leaves the window, not when it moves between elements.
    const leave = event => { if (event.relatedTarget === null) delete zone.dataset.dragging; };
    const drop = event => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        delete zone.dataset.dragging;
        if (input.disabled || event.dataTransfer.files.length === 0) return;
        const first = new DataTransfer(); // the input takes one file, as the picker does
        first.items.add(event.dataTransfer.files[0]);
        input.files = first.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
    };
    const handlers = { dragover: over, dragenter: over, dragleave: leave, drop };
    for (const [name, handler] of Object.entries(handlers)) document.addEventListener(name, handler);
    attached.set(zone, handlers);
}

export function detach(zone) {
    const handlers = attached.get(zone);
    if (!handlers) return;
    for (const [name, handler] of Object.entries(handlers)) document.removeEventListener(name, handler);
    attached.delete(zone);
}
