// Navigation mock: records the last page reference a component navigated to.
export const CurrentPageReference = jest.fn();
let lastPageReference;
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) => {
  return class extends Base {
    [Navigate](pageReference) {
      lastPageReference = pageReference;
    }
    [GenerateUrl](pageReference) {
      lastPageReference = pageReference;
      return Promise.resolve('https://example.lightning.force.com/generated');
    }
  };
};
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export const getNavigateCalledWith = () => lastPageReference;
