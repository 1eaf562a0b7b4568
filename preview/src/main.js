// Entry of the preview bundle: mounts the page shell for the page the server named in <body>.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'preview/app';

const { page, recordId } = document.body.dataset;
const app = createElement('preview-app', { is: App });
app.page = page;
app.recordId = recordId;
document.body.querySelector('#root').appendChild(app);
