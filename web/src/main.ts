console.log('vraagbaak');
