// lightning/platformResourceLoader for the preview: loads a static resource's script or style sheet
// into the page once per URL, as the platform does, resolving when it has loaded and rejecting (with
// the URL) when it cannot, so a component's error path runs as it would in an org.
const loads = new Map();

function load(url, create) {
  if (!loads.has(url)) {
    loads.set(
      url,
      new Promise((resolve, reject) => {
        const element = create();
        element.addEventListener('load', () => resolve());
        element.addEventListener('error', () => {
          loads.delete(url);
          reject(new Error(`could not load ${url}`));
        });
        document.head.appendChild(element);
      }),
    );
  }
  return loads.get(url);
}

export function loadScript(component, url) {
  return load(url, () => {
    const script = document.createElement('script');
    script.src = url;
    script.async = false;
    return script;
  });
}

export function loadStyle(component, url) {
  return load(url, () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    return link;
  });
}
