document.getElementById('app')!.textContent = 'Techo';
